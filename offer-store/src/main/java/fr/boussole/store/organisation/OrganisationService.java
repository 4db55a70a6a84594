package fr.boussole.store.organisation;

import fr.boussole.store.account.Scope;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Organisations as the console reads and changes them, always within a {@link Scope}: an administrator
 * every one, an animateur those of their territory, a professional their own.
 */
@Service
public class OrganisationService {

    private final Organisations organisations;

    OrganisationService(Organisations organisations) {
        this.organisations = organisations;
    }

    /** The organisations this scope covers, by name. */
    public List<Organisation> visibleTo(Scope scope) {
        List<Organisation> found = switch (scope) {
            case Scope.National n -> organisations.findAll();
            case Scope.OfTerritory t -> organisations.findByTerritoryId(t.territoryId());
            case Scope.OfOrganisation o -> organisations.findById(o.organisationId()).stream().toList();
            case Scope.Nowhere x -> List.of();
        };
        return found.stream().sorted(Comparator.comparing(Organisation::getName, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    /** The organisation, if this scope covers it; absent otherwise. */
    public Optional<Organisation> find(Scope scope, String organisationId) {
        if (organisationId == null) {
            return Optional.empty();
        }
        return organisations.findById(organisationId).filter(o -> covers(scope, o));
    }

    /** True when {@code scope} may see and change this organisation. */
    public static boolean covers(Scope scope, Organisation organisation) {
        return switch (scope) {
            case Scope.National n -> true;
            case Scope.OfTerritory t -> t.territoryId().equals(organisation.getTerritoryId());
            case Scope.OfOrganisation o -> o.organisationId().equals(organisation.getId());
            case Scope.Nowhere x -> false;
        };
    }
}
