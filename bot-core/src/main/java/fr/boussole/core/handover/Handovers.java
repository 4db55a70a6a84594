package fr.boussole.core.handover;

import fr.boussole.core.message.ConversationKey;

import java.time.Instant;

/**
 * Records the conversations handed to a person, for the console's inbox. Implemented by the offer
 * store; called by the pipeline after a turn, with ids and times taken from the message, so that a
 * replay after a crash changes nothing.
 */
public interface Handovers {

    /** The young person asked for a person, or accepted one after the bot failed to understand them. */
    void requested(String handoverId, ConversationKey conversation, String territoryId, String reason, Instant at);

    /** The young person wrote while the conversation is with a person: the inbox shows it as unread. */
    void heard(ConversationKey conversation, Instant at);

    /** The bot took the conversation back by itself (the quiet time passed, stop, erase, start again). */
    void ended(ConversationKey conversation, String reason, Instant at);
}
