package fr.boussole.core.delivery;

import fr.boussole.core.message.Channel;

import java.time.Instant;
import java.util.Objects;

/**
 * One dead-lettered delivery, as shown to an animateur: what it was, when, how often it was tried and
 * why it failed, with the recipient masked ({@link RecipientMask}) and without the message itself.
 *
 * @param deadAt    when the last attempt failed; null for entries dead-lettered before it was recorded
 * @param lastError the provider's last answer, as the deliverer summed it up (no message content)
 */
public record DeadLetter(String id, Channel channel, Kind kind, Instant createdAt, Instant deadAt, int attempts,
                         String lastError, String maskedRecipient) {

    /** A reply to a young person, or an email to a professional (alerts, reminders). */
    public enum Kind { REPLY, ALERT }

    public DeadLetter {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(maskedRecipient, "maskedRecipient");
    }

    /** Emails go to professionals; every other channel carries the bot's replies. */
    public static Kind kindOf(Channel channel) {
        return channel == Channel.EMAIL ? Kind.ALERT : Kind.REPLY;
    }
}
