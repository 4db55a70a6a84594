package fr.boussole.store.account;

import fr.boussole.store.organisation.Organisation;
import fr.boussole.store.organisation.Organisations;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/**
 * Console accounts as the console reads and changes them, always within a {@link Scope}: an
 * administrator every account, an animateur the animateurs and professionals of their territory, a
 * professional the accounts of their organisation.
 */
@Service
public class AccountService {

    private final Accounts accounts;
    private final Organisations organisations;

    AccountService(Accounts accounts, Organisations organisations) {
        this.accounts = accounts;
        this.organisations = organisations;
    }

    /** The accounts this scope covers, by email. */
    public List<AccountSummary> visibleTo(Scope scope) {
        List<Account> found = switch (scope) {
            case Scope.National n -> accounts.findAll();
            case Scope.OfTerritory t -> Stream.concat(accounts.findByTerritoryId(t.territoryId()).stream(),
                    organisations.findByTerritoryId(t.territoryId()).stream()
                            .flatMap(o -> accounts.findByOrganisationId(o.getId()).stream())).toList();
            case Scope.OfOrganisation o -> accounts.findByOrganisationId(o.organisationId());
            case Scope.Nowhere x -> List.of();
        };
        Map<String, String> territoryOfOrganisation = organisationTerritories(found);
        return found.stream().filter(a -> covers(scope, a, territoryOfOrganisation.get(a.getOrganisationId())))
                .map(a -> summary(a, territoryOfOrganisation)).sorted(Comparator.comparing(AccountSummary::email)).toList();
    }

    /** The account, if this scope covers it; absent otherwise. */
    public Optional<AccountSummary> find(Scope scope, String accountId) {
        return covered(scope, accountId).map(a -> summary(a, organisationTerritories(List.of(a))));
    }

    Optional<Account> covered(Scope scope, String accountId) {
        if (accountId == null) {
            return Optional.empty();
        }
        return accounts.findById(accountId).filter(a -> covers(scope, a, territoryOf(a)));
    }

    private String territoryOf(Account account) {
        return account.getOrganisationId() == null ? null
                : organisations.findById(account.getOrganisationId()).map(Organisation::getTerritoryId).orElse(null);
    }

    /**
     * An administrator covers every account; an animateur the animateurs of the territory and the
     * professionals of its organisations, never an administrator; a professional those of the organisation.
     */
    static boolean covers(Scope scope, Account account, String organisationTerritoryId) {
        return switch (scope) {
            case Scope.National n -> true;
            case Scope.OfTerritory t -> switch (account.getRole()) {
                case ANIMATEUR -> t.territoryId().equals(account.getTerritoryId());
                case PROFESSIONAL -> t.territoryId().equals(organisationTerritoryId);
                case ADMINISTRATOR -> false;
            };
            case Scope.OfOrganisation o -> account.getRole() == AccountRole.PROFESSIONAL
                    && o.organisationId().equals(account.getOrganisationId());
            case Scope.Nowhere x -> false;
        };
    }

    private Map<String, String> organisationTerritories(List<Account> list) {
        var ids = list.stream().map(Account::getOrganisationId).filter(id -> id != null).distinct().toList();
        return organisations.findAllById(ids).stream().filter(o -> o.getTerritoryId() != null)
                .collect(Collectors.toMap(Organisation::getId, Organisation::getTerritoryId, (a, b) -> a));
    }

    private static AccountSummary summary(Account a, Map<String, String> territoryOfOrganisation) {
        String territoryId = a.getRole() == AccountRole.PROFESSIONAL ? territoryOfOrganisation.get(a.getOrganisationId())
                : a.getTerritoryId();
        return new AccountSummary(a.getId(), a.getEmail(), a.getDisplayName(), a.getRole(), territoryId,
                a.getOrganisationId(), a.isActive(), a.getPasswordHash() != null, a.getLastLoginAt());
    }
}
