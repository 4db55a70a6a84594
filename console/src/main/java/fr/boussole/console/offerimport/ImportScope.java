package fr.boussole.console.offerimport;

import fr.boussole.console.offers.OrganisationDirectory;
import fr.boussole.console.offers.OrganisationView;
import fr.boussole.console.security.ConsoleUser;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * The organisations whose offers an account may import and export: a professional's own, an
 * animateur's territory's. Always a set, never "any": the console has no account that may touch
 * every organisation (that is the command line's job).
 */
record ImportScope(Set<String> organisations) {

    ImportScope {
        organisations = Set.copyOf(organisations);
    }

    static ImportScope of(ConsoleUser user, OrganisationDirectory directory) {
        if (user.animateur()) {
            return new ImportScope(user.territoryId() == null ? Set.of()
                    : directory.ofTerritory(user.territoryId()).stream().map(OrganisationView::id)
                    .collect(Collectors.toSet()));
        }
        return new ImportScope(user.organisationId() == null ? Set.of() : Set.of(user.organisationId()));
    }
}
