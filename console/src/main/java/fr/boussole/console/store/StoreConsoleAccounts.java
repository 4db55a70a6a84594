package fr.boussole.console.store;

import fr.boussole.console.security.ConsoleAccounts;
import fr.boussole.console.security.ConsoleUser;
import fr.boussole.console.security.Role;
import fr.boussole.store.account.Account;
import fr.boussole.store.account.Accounts;
import fr.boussole.store.organisation.Organisation;
import fr.boussole.store.organisation.Organisations;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * Console accounts from the store. A professional's territory is their organisation's, so that the
 * directory and the audit log know where they work.
 */
@Component
class StoreConsoleAccounts implements ConsoleAccounts {

    private final Accounts accounts;
    private final Organisations organisations;
    private final Clock clock;

    StoreConsoleAccounts(Accounts accounts, Organisations organisations, Clock clock) {
        this.accounts = accounts;
        this.organisations = organisations;
        this.clock = clock;
    }

    @Override
    public Optional<ConsoleUser> byEmail(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return accounts.findByEmail(email.trim().toLowerCase(Locale.ROOT)).map(this::user);
    }

    @Override
    public void changePassword(String accountId, String passwordHash) {
        Account account = accounts.findById(accountId).orElseThrow(() -> new IllegalArgumentException("no account"));
        account.setPasswordHash(passwordHash);
        account.loginSucceeded(clock.instant());
        accounts.save(account);
    }

    private ConsoleUser user(Account account) {
        String territoryId = account.getTerritoryId();
        if (territoryId == null && account.getOrganisationId() != null) {
            territoryId = organisations.findById(account.getOrganisationId()).map(Organisation::getTerritoryId).orElse(null);
        }
        return new ConsoleUser(account.getId(), account.getEmail(), account.getDisplayName(),
                Role.valueOf(account.getRole().name()), account.getOrganisationId(), territoryId,
                account.getPasswordHash(), account.isActive(), false);
    }
}
