package fr.boussole.store.search;

import fr.boussole.core.conversation.DialogEvent;
import fr.boussole.core.ids.Ids;
import fr.boussole.core.offer.SearchLog;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** Records the anonymous searches the dialogs report, for statistics. */
@Component
public class Searches implements SearchLog {

    private final SearchRecords records;
    private final Clock clock;

    Searches(SearchRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    @Override
    public void record(DialogEvent.SearchRecorded event, String eventId) {
        String id = eventId != null ? eventId : Ids.random("se");
        records.save(new Search(id, event.communeInsee(), event.territoryId(), event.theme(), event.offersFound(),
                clock.instant()));
    }
}
