package fr.boussole.core.message;

import java.util.Objects;

/**
 * Identifies one conversation: a channel and the young person's address on it (web session id,
 * E.164 phone number, Telegram chat id). Its {@link #value()} is the stored form.
 */
public record ConversationKey(Channel channel, String address) {

    public ConversationKey {
        Objects.requireNonNull(channel, "channel");
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("a conversation needs an address");
        }
    }

    public String value() {
        return channel.id() + ":" + address;
    }

    public static ConversationKey parse(String value) {
        int colon = value.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("not a conversation key: " + value);
        }
        return new ConversationKey(Channel.valueOf(value.substring(0, colon).toUpperCase(java.util.Locale.ROOT)),
                value.substring(colon + 1));
    }

    @Override
    public String toString() {
        return value();
    }
}
