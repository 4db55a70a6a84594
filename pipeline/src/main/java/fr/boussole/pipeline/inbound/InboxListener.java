package fr.boussole.pipeline.inbound;

import fr.boussole.core.message.ConversationKey;

/** Told when a new message is recorded, so that processing starts at once rather than at the next poll. */
@FunctionalInterface
public interface InboxListener {
    /** @param recorded where the message went: its rank, and whether it was the head when counted */
    void accepted(ConversationKey conversation, InboundMessages.Recorded recorded);
}
