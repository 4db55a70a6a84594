package fr.boussole.store.search;

import fr.boussole.core.conversation.DialogEvent;
import fr.boussole.core.ids.Ids;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** Records the anonymous searches the dialogs report, for statistics. */
@Component
public class Searches {

    private final SearchRecords records;
    private final Clock clock;

    Searches(SearchRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /**
     * Records one search. {@code eventId} makes a replay after a crash harmless: pass an id derived
     * from the inbound message ({@code Ids.derived("se", providerMessageId)}), or null for a new one.
     */
    public void record(DialogEvent.SearchRecorded event, String eventId) {
        String id = eventId != null ? eventId : Ids.random("se");
        records.save(new Search(id, event.communeInsee(), event.territoryId(), event.theme(), event.offersFound(),
                clock.instant()));
    }
}
