package fr.boussole.channels.support;

import fr.boussole.core.delivery.Deliverer;
import fr.boussole.core.delivery.Delivery;
import fr.boussole.core.delivery.DeliveryPayload;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.message.OutboundMessage;
import java.util.List;

/** Deliveries as the outbox hands them over. */
public final class Deliveries {

    private Deliveries() {}

    public static Delivery chat(String id, Channel channel, String recipient, OutboundMessage message) {
        return new Delivery(id, channel, recipient, new ConversationKey(channel, recipient), 1, 1, new DeliveryPayload.Chat(message));
    }

    public static Deliverer of(List<Deliverer> deliverers, Channel channel) {
        return deliverers.stream().filter(d -> d.channel() == channel).findFirst().orElseThrow();
    }
}
