package fr.boussole.core.handover;

import fr.boussole.core.message.ConversationKey;

import java.time.Instant;
import java.util.List;

/**
 * What was said in a conversation, for the person who answers it from the console: implemented by
 * the pipeline, which keeps the messages (their texts for the retention's 30 days).
 */
public interface ConversationTranscripts {

    /** One message: the young person's or the bot's (a person's words are the bot's, as sent). */
    record Line(Instant at, boolean fromYoungPerson, String text) {}

    /** The latest {@code limit} messages, oldest first. */
    List<Line> recent(ConversationKey conversation, int limit);
}
