package fr.boussole.console.store;

import fr.boussole.console.alert.AlertRecipients;
import fr.boussole.store.account.Account;
import fr.boussole.store.account.AccountRole;
import fr.boussole.store.account.Accounts;
import fr.boussole.store.organisation.Organisation;
import fr.boussole.store.organisation.Organisations;
import org.springframework.stereotype.Component;

import java.util.List;

/** Alert contacts are the organisation's contacts marked for alerts; animateurs are the territory's active ones. */
@Component
class StoreAlertRecipients implements AlertRecipients {

    private final Organisations organisations;
    private final Accounts accounts;

    StoreAlertRecipients(Organisations organisations, Accounts accounts) {
        this.organisations = organisations;
        this.accounts = accounts;
    }

    @Override
    public List<String> alertContactsOf(String organisationId) {
        return organisations.findById(organisationId).filter(Organisation::isActive)
                .map(Organisation::alertEmails).orElse(List.of());
    }

    @Override
    public List<String> animateursOf(String territoryId) {
        return accounts.findByTerritoryId(territoryId).stream()
                .filter(a -> a.getRole() == AccountRole.ANIMATEUR && a.isActive())
                .map(Account::getEmail).toList();
    }
}
