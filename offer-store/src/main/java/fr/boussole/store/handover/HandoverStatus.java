package fr.boussole.store.handover;

/** Where a handed conversation stands. Stored by name. */
public enum HandoverStatus {
    /** Asked for; nobody took it yet. */
    WAITING,
    /** A person took it: the bot stays quiet. */
    HELD,
    /** Handed back, or taken back by the bot. */
    ENDED
}
