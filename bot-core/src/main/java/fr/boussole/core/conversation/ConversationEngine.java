package fr.boussole.core.conversation;

import fr.boussole.core.message.Inbound;

import java.time.Instant;

/**
 * The dialog engine: pure and deterministic. State, input and time in; new state and events out.
 * It does no I/O of its own: the caller stores the state and carries out the events.
 */
public interface ConversationEngine {

    Turn handle(ConversationState state, Inbound inbound, Instant now);
}
