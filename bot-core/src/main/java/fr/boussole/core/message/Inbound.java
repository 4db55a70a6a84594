package fr.boussole.core.message;

import java.time.Instant;
import java.util.Objects;

/**
 * A message from a young person, as every channel maps it at its edge.
 *
 * @param providerMessageId the provider's own id (Twilio MessageSid, Telegram update_id, web chat
 *                          message id), unique per channel: the key of de-duplication
 * @param conversation      whose message it is
 * @param text              what was typed, possibly empty (never null)
 * @param choiceId          the id of the choice tapped (button, list row, inline keyboard), or null
 * @param sharedPhone       a phone number the channel itself vouches for (Telegram contact button), or null
 * @param receivedAt        when the provider handed it to us
 */
public record Inbound(String providerMessageId, ConversationKey conversation, String text, String choiceId,
                      String sharedPhone, Instant receivedAt) {

    public Inbound {
        Objects.requireNonNull(providerMessageId, "providerMessageId");
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(receivedAt, "receivedAt");
        text = text == null ? "" : text;
    }

    public static Inbound text(String providerMessageId, ConversationKey conversation, String text, Instant at) {
        return new Inbound(providerMessageId, conversation, text, null, null, at);
    }

    public static Inbound choice(String providerMessageId, ConversationKey conversation, String choiceId, String label, Instant at) {
        return new Inbound(providerMessageId, conversation, label, choiceId, null, at);
    }
}
