package fr.boussole.testing;

import fr.boussole.core.delivery.Deliverer;
import fr.boussole.core.delivery.Delivery;
import fr.boussole.core.delivery.DeliveryResult;
import fr.boussole.core.delivery.Outbox;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-memory stand-in for the pipeline's {@link Outbox}, for modules tested without it:
 * idempotent on the delivery id like the real one; when given deliverers, hands each new delivery at
 * once to the one of its channel and keeps what it answered.
 */
public class RecordingOutbox implements Outbox {

    private final List<Deliverer> deliverers;
    private final Map<String, Delivery> enqueued = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, DeliveryResult> results = new ConcurrentHashMap<>();

    public RecordingOutbox() {
        this(List.of());
    }

    public RecordingOutbox(List<Deliverer> deliverers) {
        this.deliverers = List.copyOf(deliverers);
    }

    @Override
    public void enqueue(Delivery delivery) {
        if (enqueued.putIfAbsent(delivery.id(), delivery) != null) {
            return;
        }
        deliverers.stream().filter(d -> d.channel() == delivery.channel()).findFirst()
                .ifPresent(d -> results.put(delivery.id(), d.deliver(delivery)));
    }

    /** Every delivery enqueued, by id, in the order they came (a copy). */
    public Map<String, Delivery> enqueued() {
        synchronized (enqueued) {
            return new LinkedHashMap<>(enqueued);
        }
    }

    public Map<String, DeliveryResult> results() {
        return results;
    }

    public void clear() {
        enqueued.clear();
        results.clear();
    }
}
