package fr.boussole.store.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.boussole.core.offer.ContactRequests;
import fr.boussole.store.StoreIntegrationTest;
import fr.boussole.store.offer.Offer;
import fr.boussole.store.offer.Offers;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;

class ContactRequestsTest extends StoreIntegrationTest {

    @Autowired ContactRequests contactRequests;
    @Autowired ContactRequestRecords records;
    @Autowired Offers offers;

    @BeforeEach
    void offer() {
        Offer offer = new Offer("of_1", "org_1", "emploi", "Job");
        offer.setContactDelayDays(4);
        offers.save(offer);
    }

    @Test
    void a_request_is_recorded_for_the_offer_organisation_and_due_after_its_delay() {
        ContactRequests.Recorded recorded = contactRequests.record("cr_1", ContactRequestTransitionsTest.draft());

        assertThat(recorded.organisationId()).isEqualTo("org_1");
        assertThat(recorded.dueAt()).isEqualTo(Instant.parse("2026-11-27T10:00:00Z"));
        ContactRequest stored = records.findById("cr_1").orElseThrow();
        assertThat(stored.getStatus()).isEqualTo(RequestStatus.NEW);
        assertThat(stored.getAnswers()).hasSize(1);
        assertThat(stored.getConsent().textVersion()).isEqualTo("v1");
        assertThat(stored.isUrgent()).isFalse();
    }

    @Test
    void an_urgent_draft_makes_an_urgent_request() {
        var d = ContactRequestTransitionsTest.draft();
        var urgent = new fr.boussole.core.conversation.ContactRequestDraft(d.conversation(), d.offerId(), d.territoryId(),
                d.theme(), d.questionnaireId(), d.questionnaireVersion(), d.age(), d.communeInsee(), d.communeName(),
                d.answers(), d.contactMethod(), d.contactAddress(), d.consent(), d.createdAt(), true);

        contactRequests.record("cr_urgent", urgent);

        assertThat(records.findById("cr_urgent").orElseThrow().isUrgent()).isTrue();
    }

    @Test
    void recording_the_same_id_again_returns_the_first_record() throws Exception {
        ContactRequests.Recorded first = contactRequests.record("cr_1", ContactRequestTransitionsTest.draft());
        clock.advance(java.time.Duration.ofHours(1));
        var pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<ContactRequests.Recorded>> replays = IntStream.range(0, 8)
                    .<Callable<ContactRequests.Recorded>>mapToObj(i -> () ->
                            contactRequests.record("cr_2", ContactRequestTransitionsTest.draft()))
                    .toList();
            var results = pool.invokeAll(replays);
            ContactRequests.Recorded winner = results.getFirst().get();
            for (var result : results) {
                assertThat(result.get()).isEqualTo(winner);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(contactRequests.record("cr_1", ContactRequestTransitionsTest.draft())).isEqualTo(first);
        assertThat(records.count()).isEqualTo(2);
    }

    @Test
    void a_request_for_an_unknown_offer_is_refused() {
        var draft = ContactRequestTransitionsTest.draft();
        var unknown = new fr.boussole.core.conversation.ContactRequestDraft(draft.conversation(), "of_nope",
                draft.territoryId(), draft.theme(), draft.questionnaireId(), draft.questionnaireVersion(), draft.age(),
                draft.communeInsee(), draft.communeName(), draft.answers(), draft.contactMethod(),
                draft.contactAddress(), draft.consent(), draft.createdAt());
        assertThatThrownBy(() -> contactRequests.record("cr_1", unknown)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void two_professionals_updating_the_same_request_cannot_both_win() {
        contactRequests.record("cr_1", ContactRequestTransitionsTest.draft());
        ContactRequest mine = records.findById("cr_1").orElseThrow();
        ContactRequest theirs = records.findById("cr_1").orElseThrow();
        mine.start("pro-a", clock.instant());
        records.save(mine);
        theirs.start("pro-b", clock.instant());

        assertThatThrownBy(() -> records.save(theirs)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(records.findById("cr_1").orElseThrow().getFollowUps()).extracting(FollowUp::author)
                .containsExactly("pro-a");
    }
}
