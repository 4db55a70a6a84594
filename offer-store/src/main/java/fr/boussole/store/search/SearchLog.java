package fr.boussole.store.search;

import fr.boussole.core.place.Commune;
import fr.boussole.core.place.CommuneDirectory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * The anonymous searches of a territory as the animateur reads them; commune names from the commune
 * directory when the application has one.
 */
@Component
public class SearchLog {

    private final SearchRecords records;
    private final ObjectProvider<CommuneDirectory> communes;

    SearchLog(SearchRecords records, ObjectProvider<CommuneDirectory> communes) {
        this.records = records;
        this.communes = communes;
    }

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
