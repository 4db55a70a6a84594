package fr.boussole.core.delivery;

/** Receives providers' delivery reports (Twilio status callbacks) for the outbox. */
public interface DeliveryStatusSink {

    enum Status { SENT, DELIVERED, READ, UNDELIVERED, FAILED }

    /**
     * @param providerId the id the provider gave when it accepted the delivery
     * @param errorCode  the provider's error code, or null
     */
    void report(String providerId, Status status, String errorCode);
}
