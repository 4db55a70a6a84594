package fr.boussole.core.delivery;

import fr.boussole.core.message.Channel;

/** Delivers outbox entries of one channel through its provider. Implementations do one attempt. */
public interface Deliverer {

    Channel channel();

    DeliveryResult deliver(Delivery delivery);
}
