package fr.boussole.store.request;

/**
 * The news of a request the young person is told, in the order they are told when several are due at
 * once. Stored by name.
 */
public enum NewsKind {
    /** The organisation took the request in hand (first follow-up, "in progress", or a contact confirmed). */
    TAKEN_IN_HAND,
    /** The promised delay passed with nobody taking the request in hand. */
    EXPIRED,
    /** The organisation closed the request, with its outcome. */
    CLOSED
}
