package fr.boussole.console.support;

import fr.boussole.core.delivery.Deliverer;
import fr.boussole.core.delivery.Delivery;
import fr.boussole.core.delivery.DeliveryResult;
import fr.boussole.core.delivery.Outbox;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A test stand-in for the platform's outbox: idempotent on the delivery id like the real one, and
 * hands each new delivery at once to the real deliverer of its channel (so GreenMail gets real mail).
 */
public class DeliveringOutbox implements Outbox {

    private final List<Deliverer> deliverers;
    private final Map<String, Delivery> enqueued = new ConcurrentHashMap<>();
    private final Map<String, DeliveryResult> results = new ConcurrentHashMap<>();

    public DeliveringOutbox(List<Deliverer> deliverers) {
        this.deliverers = deliverers;
    }

    @Override
    public void enqueue(Delivery delivery) {
        if (enqueued.putIfAbsent(delivery.id(), delivery) != null) {
            return;
        }
        deliverers.stream().filter(d -> d.channel() == delivery.channel()).findFirst()
                .ifPresent(d -> results.put(delivery.id(), d.deliver(delivery)));
    }

    public Map<String, Delivery> enqueued() {
        return enqueued;
    }

    public Map<String, DeliveryResult> results() {
        return results;
    }

    public void clear() {
        enqueued.clear();
        results.clear();
    }
}
