package fr.boussole.store.search;

import fr.boussole.core.conversation.DialogEvent;
import fr.boussole.core.ids.Ids;
import fr.boussole.core.offer.SearchLog;
import fr.boussole.core.place.Commune;
import fr.boussole.core.place.CommuneDirectory;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The anonymous searches the dialogs report, kept for statistics: recorded for the pipeline, read
 * by territory for the animateur (commune names from the commune directory when the application has one).
 */
@Component
public class Searches implements SearchLog {

    private final SearchRecords records;
    private final ObjectProvider<CommuneDirectory> communes;
    private final Clock clock;

    Searches(SearchRecords records, ObjectProvider<CommuneDirectory> communes, Clock clock) {
        this.records = records;
        this.communes = communes;
        this.clock = clock;
    }

    @Override
    public void record(DialogEvent.SearchRecorded event, String eventId) {
        String id = eventId != null ? eventId : Ids.random("se");
        records.save(new Search(id, event.communeInsee(), event.territoryId(), event.theme(), event.offersFound(),
                clock.instant()));
    }

    /** Every search made in the territory. */
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
