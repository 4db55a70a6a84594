package fr.boussole.console.offerimport;

import fr.boussole.console.security.ConsoleUser;
import fr.boussole.store.scope.Scope;
import fr.boussole.store.organisation.Organisation;
import fr.boussole.store.organisation.OrganisationService;

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

    static ImportScope of(ConsoleUser user, OrganisationService organisations) {
        return switch (user.scope()) {
            case Scope.OfTerritory t -> new ImportScope(organisations.visibleTo(t).stream()
                    .map(Organisation::getId).collect(Collectors.toSet()));
            case Scope.OfOrganisation o -> new ImportScope(Set.of(o.organisationId()));
            // administrators reach no offer page; were one to come here, it would touch nothing
            case Scope.National n -> new ImportScope(Set.of());
            case Scope.Nowhere x -> new ImportScope(Set.of());
        };
    }
}
