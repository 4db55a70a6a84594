package fr.boussole.pipeline.inbound;

/** Where an inbound message is in the pipeline. */
public enum InboundStatus {
    /** Recorded, its turn not yet complete (possibly waiting for a retry). */
    PENDING,
    /** Its turn is stored and every effect carried out. */
    PROCESSED,
    /** Processing failed too many times: left aside, visible in metrics, later messages go on. */
    PARKED,
    /** Erased with its conversation before it was handled: it never will be. */
    ERASED
}
