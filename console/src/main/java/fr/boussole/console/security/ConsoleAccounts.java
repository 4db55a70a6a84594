package fr.boussole.console.security;

import fr.boussole.store.account.AccountService;
import fr.boussole.store.account.Credentials;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Optional;

/**
 * The store's accounts as Spring Security signs them in ({@link ConsoleUser}): read and changed
 * through the store's {@link AccountService}. A professional's territory is their organisation's, so
 * that the directory and the audit log know where they work.
 */
@Component
public class ConsoleAccounts {

    private final AccountService accounts;
    private final Clock clock;

    ConsoleAccounts(AccountService accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The account with this email (case-insensitive); {@code locked} is not set here. */
    public Optional<ConsoleUser> byEmail(String email) {
        return accounts.credentials(email).map(ConsoleAccounts::user);
    }

    /** Replaces the password hash (delegating-encoder format). */
    public void changePassword(String accountId, String passwordHash) {
        accounts.changePassword(accountId, passwordHash, clock.instant());
    }

    private static ConsoleUser user(Credentials credentials) {
        var a = credentials.account();
        return new ConsoleUser(a.id(), a.email(), a.displayName(), a.role(), a.organisationId(), a.territoryId(),
                credentials.passwordHash(), a.active(), false);
    }
}
