package fr.boussole.store.request;

/**
 * How a closed request ended. Besides the two ways of reaching the young person, the reasons for
 * which an organisation closes a request without helping are those a national referral platform
 * (DORA) asks for: unreachable, not eligible, the offer no longer available, a duplicate, other.
 * Stored by name: a new value is added, never renamed.
 */
public enum Outcome {
    REACHED_AND_HELPED, REACHED_NOT_WHAT_NEEDED, UNREACHABLE, NOT_ELIGIBLE, NO_LONGER_AVAILABLE, DUPLICATE, OTHER;

    /**
     * Whether the young person was left without the help they asked for, so that the bot proposes
     * another offer (a duplicate leaves the other request running; "other" says too little to act on).
     */
    public boolean leftWithoutHelp() {
        return switch (this) {
            case REACHED_NOT_WHAT_NEEDED, UNREACHABLE, NOT_ELIGIBLE, NO_LONGER_AVAILABLE -> true;
            case REACHED_AND_HELPED, DUPLICATE, OTHER -> false;
        };
    }

    /** Whether the young person was reached. */
    public boolean reached() {
        return this == REACHED_AND_HELPED || this == REACHED_NOT_WHAT_NEEDED;
    }
}
