package fr.boussole.console.store;

import fr.boussole.console.animation.SearchLog;
import fr.boussole.console.animation.SearchView;
import fr.boussole.core.place.Commune;
import fr.boussole.core.place.CommuneDirectory;
import fr.boussole.store.search.SearchRecords;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/** Searches from the store; commune names from the commune directory when the app has one. */
@Component
class StoreSearchLog implements SearchLog {

    private final SearchRecords records;
    private final ObjectProvider<CommuneDirectory> communes;

    StoreSearchLog(SearchRecords records, ObjectProvider<CommuneDirectory> communes) {
        this.records = records;
        this.communes = communes;
    }

    @Override
    public List<SearchView> ofTerritory(String territoryId) {
        CommuneDirectory directory = communes.getIfAvailable();
        return records.findByTerritoryIdAndAtBetween(territoryId, Instant.EPOCH, Instant.parse("9999-12-31T00:00:00Z"))
                .stream()
                .map(s -> new SearchView(s.getAt(), s.getCommuneInsee(),
                        directory == null || s.getCommuneInsee() == null ? null
                                : directory.byInsee(s.getCommuneInsee()).map(Commune::name).orElse(null),
                        s.getTheme(), s.getOffersFound()))
                .toList();
    }
}
