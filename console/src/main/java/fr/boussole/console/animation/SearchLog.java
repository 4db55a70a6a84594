package fr.boussole.console.animation;

import java.util.List;

/** The anonymous searches of a territory (recorded by the offer store). */
public interface SearchLog {

    List<SearchView> ofTerritory(String territoryId);
}
