package fr.boussole.console.offers;

import java.util.List;

/** The organisations of a territory (backed by the offer store). */
public interface OrganisationDirectory {

    List<OrganisationView> ofTerritory(String territoryId);
}
