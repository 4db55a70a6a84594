package fr.boussole.store.storage;

import fr.boussole.testing.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import fr.boussole.core.conversation.DialogEvent;
import fr.boussole.core.questionnaire.FunnelLog;
import fr.boussole.store.StoreIntegrationTest;
import fr.boussole.store.funnel.FunnelMarks;
import fr.boussole.store.offer.Offer;
import fr.boussole.store.offer.Offers;
import fr.boussole.store.request.ContactRequest;
import fr.boussole.store.request.ContactRequestRecords;
import fr.boussole.store.request.MongoContactRequests;
import fr.boussole.store.request.Outcome;
import fr.boussole.store.search.SearchRecords;
import fr.boussole.store.search.Searches;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The store's retention steps at their limits (the schedule itself is tested in the app's RetentionJobIT). */
class RetentionPurgeTest extends StoreIntegrationTest {

    @Autowired RetentionPurge purge;
    @Autowired Searches searches;
    @Autowired SearchRecords searchRecords;
    @Autowired MongoContactRequests contactRequests;
    @Autowired ContactRequestRecords requests;
    @Autowired Offers offers;
    @Autowired FunnelLog funnel;
    @Autowired FunnelMarks funnelMarks;

    @Test
    void searches_made_before_the_limit_are_deleted_and_the_others_kept() {
        searches.record(new DialogEvent.SearchRecorded("46042", "te_lot", "emploi", 3), "se_old");
        clock.set(TestClock.START.plusSeconds(2));
        searches.record(new DialogEvent.SearchRecorded("46042", "te_lot", "emploi", 3), "se_new");

        assertThat(purge.deleteSearchesBefore(TestClock.START.plusSeconds(1))).isEqualTo(1);

        assertThat(searchRecords.findAll()).extracting(s -> s.getId()).containsExactly("se_new");
    }

    @Test
    void the_funnel_marks_go_with_the_searches_of_their_time() {
        var answered = new DialogEvent.QuestionnaireProgress("te_lot", "emploi@te_lot", 2, "situation",
                DialogEvent.QuestionnaireProgress.Stage.ANSWERED);
        searches.record(new DialogEvent.SearchRecorded("46042", "te_lot", "emploi", 0), "se_old");
        funnel.record(answered, "qf_old");
        clock.set(TestClock.START.plusSeconds(2));
        funnel.record(answered, "qf_new");

        assertThat(purge.deleteSearchesBefore(TestClock.START.plusSeconds(1))).as("one search, one mark").isEqualTo(2);

        assertThat(funnelMarks.findAll()).extracting(m -> m.getId()).containsExactly("qf_new");
    }

    @Test
    void requests_closed_before_the_limit_are_anonymised_and_open_or_later_ones_kept() {
        offers.save(new Offer("of_1", "org_1", "emploi", "Job"));
        contactRequests.record("cr_closed", fr.boussole.store.request.ContactRequestTransitionsTest.draft());
        contactRequests.record("cr_open", fr.boussole.store.request.ContactRequestTransitionsTest.draft());
        ContactRequest closed = requests.findById("cr_closed").orElseThrow();
        Instant closedAt = clock.instant();
        closed.close(Outcome.REACHED_AND_HELPED, "rappelé", closedAt);
        requests.save(closed);

        assertThat(purge.anonymiseClosedBefore(closedAt)).isZero();
        assertThat(requests.findById("cr_closed").orElseThrow().isAnonymised()).isFalse();

        assertThat(purge.anonymiseClosedBefore(closedAt.plus(Duration.ofSeconds(1)))).isEqualTo(1);
        ContactRequest purged = requests.findById("cr_closed").orElseThrow();
        assertThat(purged.isAnonymised()).isTrue();
        assertThat(purged.getContactAddress()).isNull();
        assertThat(purged.getAge()).isZero();
        assertThat(purged.getAgeBand()).isNotBlank();
        assertThat(purged.getOutcome()).isEqualTo(Outcome.REACHED_AND_HELPED);
        assertThat(purged.getTheme()).isEqualTo("emploi");
        assertThat(requests.findById("cr_open").orElseThrow().getContactAddress()).isNotNull();
        assertThat(purge.anonymiseClosedBefore(closedAt.plus(Duration.ofSeconds(1)))).as("once").isZero();
    }
}
