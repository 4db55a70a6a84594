package fr.boussole.core.message;

/** The store cannot be reached: nothing was recorded, the caller should ask its provider to retry. */
public class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
