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
     * The name of a département by its code ("46" → "Lot"), to tell communes of one name apart; the
     * code itself when unknown.
     */
    default String departementName(String code) {
        return code;
    }
}
