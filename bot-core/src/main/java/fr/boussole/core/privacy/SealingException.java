package fr.boussole.core.privacy;

/**
 * A sealed value could not be opened: unknown key id (a key dropped from the ring too early),
 * altered bytes (the tag does not match), or not a sealed value at all. Never carries the value.
 */
public class SealingException extends RuntimeException {

    public SealingException(String problem) {
        super(problem);
    }

    public SealingException(String problem, Throwable cause) {
        super(problem, cause);
    }
}
