package fr.boussole.core.delivery;

import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;

import java.util.Objects;

/**
 * One thing to deliver, as the outbox hands it to a {@link Deliverer}.
 *
 * @param id           the outbox id: deterministic, so that enqueuing twice yields one delivery
 * @param channel      which deliverer takes it
 * @param recipient    the provider address (phone, chat id, email address, web session)
 * @param conversation the conversation it belongs to, or null for alerts to professionals
 * @param sequence     its rank within the conversation: deliveries of one conversation go in this order
 * @param attempt      1 on the first try
 * @param payload      what to deliver
 */
public record Delivery(String id, Channel channel, String recipient, ConversationKey conversation,
                       long sequence, int attempt, DeliveryPayload payload) {
    public Delivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(payload, "payload");
    }
}
