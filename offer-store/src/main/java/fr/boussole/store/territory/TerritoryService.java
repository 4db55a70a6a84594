package fr.boussole.store.territory;

import fr.boussole.store.account.Scope;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Territories as the console reads and changes them, always within a {@link Scope}: an administrator
 * sees every territory, an animateur theirs, a professional none.
 */
@Service
public class TerritoryService {

    private final Territories territories;

    TerritoryService(Territories territories) {
        this.territories = territories;
    }

    /** The territories this scope covers, by name. */
    public List<Territory> visibleTo(Scope scope) {
        List<Territory> found = switch (scope) {
            case Scope.National n -> territories.findAll();
            case Scope.OfTerritory t -> territories.findById(t.territoryId()).stream().toList();
            case Scope.OfOrganisation o -> List.of();
            case Scope.Nowhere x -> List.of();
        };
        return found.stream().sorted(Comparator.comparing(Territory::getName, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    /** The territory, if this scope covers it; absent either way otherwise (not yours = not there). */
    public Optional<Territory> find(Scope scope, String territoryId) {
        if (territoryId == null || !scope.coversTerritory(territoryId)) {
            return Optional.empty();
        }
        return territories.findById(territoryId);
    }
}
