package fr.boussole.pipeline.conversation;

import fr.boussole.core.conversation.ConversationState;
import fr.boussole.core.conversation.DialogEvent;
import fr.boussole.core.message.ConversationKey;

import java.util.List;

/**
 * A conversation as read from the store.
 *
 * @param version          0 when nothing is stored yet
 * @param lastInboundId    the inbound message the last stored turn answers, or null
 * @param lastSequence     that message's rank, or -1
 * @param lastEvents       that turn's events, replayed when the turn was interrupted before its end
 */
public record StoredConversation(ConversationKey key, long version, ConversationState state, String lastInboundId,
                                 long lastSequence, List<DialogEvent> lastEvents, boolean optedOut) {
}
