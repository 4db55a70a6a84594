package fr.boussole.store.storage;

import static org.assertj.core.api.Assertions.assertThat;

import fr.boussole.core.conversation.DialogEvent;
import fr.boussole.store.StoreIntegrationTest;
import fr.boussole.store.TestClock;
import fr.boussole.store.offer.Offer;
import fr.boussole.store.offer.Offers;
import fr.boussole.store.request.ContactRequest;
import fr.boussole.store.request.ContactRequestRecords;
import fr.boussole.store.request.MongoContactRequests;
import fr.boussole.store.request.Outcome;
import fr.boussole.store.search.SearchRecords;
import fr.boussole.store.search.Searches;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class RetentionPurgeTest extends StoreIntegrationTest {

    @Autowired RetentionPurge purge;
    @Autowired Searches searches;
    @Autowired SearchRecords searchRecords;
    @Autowired MongoContactRequests contactRequests;
    @Autowired ContactRequestRecords requests;
    @Autowired Offers offers;

    @Test
    void searches_older_than_25_months_are_deleted() {
        searches.record(new DialogEvent.SearchRecorded("46042", "te_lot", "emploi", 3), "se_old");
        clock.set(TestClock.START.atZone(ZoneOffset.UTC).plusMonths(2).toInstant());
        searches.record(new DialogEvent.SearchRecorded("46042", "te_lot", "emploi", 3), "se_new");
        searches.record(new DialogEvent.SearchRecorded("46042", "te_lot", "emploi", 3), "se_new");

        clock.set(TestClock.START.atZone(ZoneOffset.UTC).plusMonths(25).plusDays(1).toInstant());
        purge.purge();

        assertThat(searchRecords.findAll()).extracting(s -> s.getId()).containsExactly("se_new");
    }

    @Test
    void closed_requests_are_anonymised_a_year_after_closing_and_open_ones_are_kept() {
        offers.save(new Offer("of_1", "org_1", "emploi", "Job"));
        contactRequests.record("cr_closed", fr.boussole.store.request.ContactRequestTransitionsTest.draft());
        contactRequests.record("cr_open", fr.boussole.store.request.ContactRequestTransitionsTest.draft());
        ContactRequest closed = requests.findById("cr_closed").orElseThrow();
        closed.close(Outcome.REACHED_AND_HELPED, "rappelé", clock.instant());
        requests.save(closed);

        clock.set(TestClock.START.atZone(ZoneOffset.UTC).plusMonths(11).toInstant());
        purge.purge();
        assertThat(requests.findById("cr_closed").orElseThrow().isAnonymised()).isFalse();

        clock.set(TestClock.START.atZone(ZoneOffset.UTC).plusMonths(12).plusDays(1).toInstant());
        purge.purge();
        ContactRequest purged = requests.findById("cr_closed").orElseThrow();
        assertThat(purged.isAnonymised()).isTrue();
        assertThat(purged.getContactAddress()).isNull();
        assertThat(purged.getOutcome()).isEqualTo(Outcome.REACHED_AND_HELPED);
        assertThat(requests.findById("cr_open").orElseThrow().getContactAddress()).isNotNull();
    }
}
