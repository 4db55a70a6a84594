package fr.boussole.core.delivery;

/**
 * The persistent outbox every outgoing message and alert goes through. Deliveries are retried with
 * backoff by the deliverer of their channel until sent, failed for good, or dead-lettered.
 */
public interface Outbox {

    /**
     * Records a delivery durably before returning. Idempotent on {@link Delivery#id()}: enqueuing an
     * id that is already there changes nothing, so a step replayed after a crash sends nothing twice.
     * The outbox sets the attempt count; deliveries with a conversation go out in {@link Delivery#sequence()} order.
     */
    void enqueue(Delivery delivery);
}
