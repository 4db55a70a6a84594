package fr.boussole.core.offer;

import fr.boussole.core.place.Commune;

import java.util.List;
import java.util.Optional;

/** Which Boussole covers a commune, and where to turn when none does. */
public interface TerritoryDirectory {

    /** The open territory whose communes include this one, if any. */
    Optional<TerritoryView> openTerritoryFor(String communeInsee);

    /**
     * This territory, whatever its status, if its communes include this one: what the simulator serves,
     * so that a territory in preparation can be tried before it opens.
     */
    Optional<TerritoryView> territoryCovering(String territoryId, String communeInsee);

    /** The Info Jeunes contacts to show to a young person of this commune outside any open territory. */
    List<InfoJeunesContact> infoJeunesFor(Commune commune);

    /**
     * The territory's own Info Jeunes to point a young person of this commune to when nothing else fits
     * (an Info Jeunes organisation of the territory, the nearest first).
     */
    default Optional<InfoJeunesContact> infoJeunesIn(String territoryId, String communeInsee) {
        return Optional.empty();
    }

    /** The national services for a theme, the first the one to name first. */
    default List<NationalService> nationalServices(String theme) {
        return List.of();
    }

    /** Who answers the territory's young people when they ask for a person, if anyone does. */
    default Optional<fr.boussole.core.handover.PersonDesk> personDesk(String territoryId) {
        return Optional.empty();
    }

    /**
     * The name of a département by its code ("46" → "Lot"), to tell communes of one name apart; the
     * code itself when unknown.
     */
    default String departementName(String code) {
        return code;
    }
}
