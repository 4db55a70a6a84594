package fr.boussole.pipeline.outbox;

/** Where a delivery is. Only PENDING entries are ever claimed. */
public enum OutboxStatus {
    PENDING, SENT, FAILED, DEAD, CANCELLED
}
