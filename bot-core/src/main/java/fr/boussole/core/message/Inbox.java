package fr.boussole.core.message;

/**
 * Where every channel hands what young people write. {@link #accept} returns once the message is
 * durably recorded (or known already): only then may the channel acknowledge it to its provider.
 */
public interface Inbox {

    enum Acceptance { ACCEPTED, DUPLICATE }

    /** @throws StoreUnavailableException when the message could not be recorded: answer 503 */
    Acceptance accept(Inbound inbound);
}
