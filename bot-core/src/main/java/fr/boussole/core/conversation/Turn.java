package fr.boussole.core.conversation;

import java.util.List;

/** What one inbound message did: the state to store and the events to carry out, in order. */
public record Turn(ConversationState state, List<DialogEvent> events) {
    public Turn {
        events = List.copyOf(events);
    }
}
