package fr.boussole.store.organisation;

import fr.boussole.store.geo.Geography;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Info Jeunes structures of a territory (its active organisations of type {@code INFO_JEUNES}):
 * who a young person of the territory can call when nothing else fits, and who answers them when they
 * ask for a person. For a commune, the nearest one whose competence covers it comes first.
 */
@Component
public class LocalInfoJeunes {

    /** An Info Jeunes structure as a young person is pointed to it. */
    public record Desk(String organisationId, String name, String phone) {}

    private final Organisations organisations;
    private final Geography geography = Geography.france();

    LocalInfoJeunes(Organisations organisations) {
        this.organisations = organisations;
    }

    /** The territory's active Info Jeunes organisations. */
    public List<Organisation> ofTerritory(String territoryId) {
        if (territoryId == null) {
            return List.of();
        }
        return organisations.findByTerritoryId(territoryId).stream()
                .filter(o -> o.isActive() && o.getType() == OrganisationType.INFO_JEUNES).toList();
    }

    /**
     * The one to point a young person of this commune to: the nearest Info Jeunes of the territory
     * covering the commune, else any of the territory's, provided it has a phone number.
     */
    public Optional<Desk> forCommune(String territoryId, String communeInsee) {
        List<Organisation> local = ofTerritory(territoryId).stream().filter(o -> phone(o).isPresent()).toList();
        Optional<Organisation> covering = local.stream().filter(o -> covers(o, territoryId, communeInsee))
                .min(Comparator.comparing(o -> o.getCompetence().level()));
        return covering.or(() -> local.stream().findFirst())
                .map(o -> new Desk(o.getId(), o.getName(), phone(o).orElseThrow()));
    }

    private boolean covers(Organisation organisation, String territoryId, String communeInsee) {
        Competence competence = organisation.getCompetence();
        if (communeInsee == null) {
            return competence.level() == ScopeLevel.NATIONAL || competence.codes().contains(territoryId);
        }
        String departement = Geography.departementOf(communeInsee);
        return switch (competence.level()) {
            case COMMUNES -> competence.codes().contains(communeInsee);
            case TERRITORY -> competence.codes().contains(territoryId);
            case DEPARTEMENT -> competence.codes().contains(departement);
            case REGION -> geography.regionOfDepartement(departement).map(competence.codes()::contains).orElse(false);
            case NATIONAL -> true;
        };
    }

    private static Optional<String> phone(Organisation organisation) {
        return organisation.getContacts().stream().map(OrganisationContact::phone).filter(Objects::nonNull)
                .filter(p -> !p.isBlank()).findFirst();
    }
}
