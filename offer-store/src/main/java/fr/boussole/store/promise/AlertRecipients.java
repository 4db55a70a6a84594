package fr.boussole.store.promise;

import fr.boussole.store.account.Account;
import fr.boussole.store.account.AccountRole;
import fr.boussole.store.account.Accounts;
import fr.boussole.store.organisation.Organisation;
import fr.boussole.store.organisation.Organisations;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Who the promises write to: the alert contacts of an organisation (its contacts marked for alerts,
 * while it is active) and the active animateurs of a territory.
 */
@Component
class AlertRecipients {

    private final Organisations organisations;
    private final Accounts accounts;

    AlertRecipients(Organisations organisations, Accounts accounts) {
        this.organisations = organisations;
        this.accounts = accounts;
    }

    List<String> alertContactsOf(String organisationId) {
        return organisations.findById(organisationId).filter(Organisation::isActive)
                .map(Organisation::alertEmails).orElse(List.of());
    }

    List<String> animateursOf(String territoryId) {
        return accounts.findByTerritoryId(territoryId).stream()
                .filter(a -> a.getRole() == AccountRole.ANIMATEUR && a.isActive())
                .map(Account::getEmail).toList();
    }
}
