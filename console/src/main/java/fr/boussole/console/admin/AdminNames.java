package fr.boussole.console.admin;

import fr.boussole.store.scope.Scope;
import fr.boussole.store.organisation.Organisation;
import fr.boussole.store.organisation.OrganisationService;
import fr.boussole.store.territory.Territory;
import fr.boussole.store.territory.TerritoryService;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.stream.Collectors;

/** Names of the territories and organisations a user may see, for the admin pages' tables and lists. */
@Component
class AdminNames {

    private final TerritoryService territories;
    private final OrganisationService organisations;

    AdminNames(TerritoryService territories, OrganisationService organisations) {
        this.territories = territories;
        this.organisations = organisations;
    }

    Map<String, String> territories(Scope scope) {
        return territories.visibleTo(scope).stream().collect(Collectors.toMap(Territory::getId, Territory::getName,
                (a, b) -> a, java.util.LinkedHashMap::new));
    }

    Map<String, String> organisations(Scope scope) {
        return organisations.visibleTo(scope).stream().collect(Collectors.toMap(Organisation::getId, Organisation::getName,
                (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
