package fr.boussole.store.promise;

import fr.boussole.core.conversation.ConsentRecord;
import fr.boussole.core.promise.RequestNews;
import fr.boussole.core.ids.Ids;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.Inbound;
import fr.boussole.store.offer.Offer;
import fr.boussole.store.offer.OfferStatus;
import fr.boussole.store.organisation.Competence;
import fr.boussole.store.organisation.Organisation;
import fr.boussole.store.organisation.OrganisationContact;
import fr.boussole.store.organisation.OrganisationType;
import fr.boussole.store.organisation.ScopeLevel;
import fr.boussole.store.request.ContactRequest;
import fr.boussole.store.request.ContactRequestRecords;
import fr.boussole.store.request.FollowUpMeans;
import fr.boussole.store.request.NewsKind;
import fr.boussole.store.request.Outcome;
import fr.boussole.store.request.RequestBook;
import fr.boussole.testing.RecordingInbox;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What became of a request reaches its young person: each change that concerns them (taken in hand,
 * closed, the delay passed) becomes one system message in their conversation's inbox, once, even
 * across a crash; a request that left them without help carries the next matching offer, or the
 * territory's Info Jeunes; the offer accepted becomes a new request made of the previous one.
 */
class RequestNewsTest extends PromiseTest {

    @Autowired
    RecordingInbox inbox;
    @Autowired
    RequestBook requests;
    @Autowired
    RequestNewsJob job;
    @Autowired
    ContactRequestRecords records;

    @BeforeEach
    void emptyInbox() {
        inbox.clear();
    }

    @Test
    void the_first_follow_up_tells_the_young_person_at_once_and_once() {
        var world = world();
        var recorded = world.request(world.a, clock.instant(), Channel.SMS);

        requests.recordFollowUp(recorded.requestId(), "pro", clock.instant(), FollowUpMeans.PHONE, "messagerie", null);
        requests.recordFollowUp(recorded.requestId(), "pro", clock.instant(), FollowUpMeans.SMS, "relancé", null);
        job.run(clock.instant());

        assertThat(news()).singleElement().satisfies(news -> {
            assertThat(news.requestId()).isEqualTo(recorded.requestId());
            assertThat(news.kind()).isEqualTo(RequestNews.Kind.TAKEN_IN_HAND);
            assertThat(news.organisationName()).isEqualTo(world.a.name());
            assertThat(news.next()).isNull();
        });
        assertThat(inbox.accepted().getFirst().conversation().channel()).isEqualTo(Channel.SMS);
        assertThat(records.findById(recorded.requestId()).orElseThrow().isNewsPending()).isFalse();
    }

    @Test
    void a_closing_that_did_not_help_proposes_the_next_matching_offer_of_another_organisation() {
        var world = world();
        var recorded = world.request(world.a, clock.instant(), Channel.WHATSAPP);

        requests.recordFollowUpAndClose(recorded.requestId(), "pro", clock.instant(), FollowUpMeans.PHONE,
                "pas de diplôme", Outcome.NOT_ELIGIBLE, clock.instant());

        // told as one closing, not a taking in hand and then a closing
        assertThat(news()).singleElement().satisfies(news -> {
            assertThat(news.kind()).isEqualTo(RequestNews.Kind.CLOSED);
            assertThat(news.closing()).isEqualTo(RequestNews.Closing.NOT_ELIGIBLE);
            assertThat(news.next()).isEqualTo(new RequestNews.NextOffer(world.b.offerId(), world.b.offerTitle(),
                    world.b.name(), 3));
        });
    }

    @Test
    void a_closing_that_helped_proposes_nothing() {
        var world = world();
        var recorded = world.request(world.a, clock.instant(), Channel.TELEGRAM);
        requests.recordFollowUp(recorded.requestId(), "pro", clock.instant(), FollowUpMeans.PHONE, "rdv", null);

        requests.close(recorded.requestId(), "pro", clock.instant(), Outcome.REACHED_AND_HELPED, "aidé");

        assertThat(news()).extracting(RequestNews::kind).containsExactly(RequestNews.Kind.TAKEN_IN_HAND, RequestNews.Kind.CLOSED);
        assertThat(news().getLast().next()).isNull();
        assertThat(news().getLast().fallback()).isNull();
    }

    @Test
    void with_no_other_offer_the_territorys_info_jeunes_is_given_to_call() {
        var world = world();
        Offer other = offers.findById(world.b.offerId()).orElseThrow();
        other.setStatus(OfferStatus.ARCHIVED);
        offers.save(other);
        Organisation pij = new Organisation(Ids.random("or"), "Point Info Jeunes du coin", OrganisationType.INFO_JEUNES,
                new Competence(ScopeLevel.COMMUNES, List.of("46042")));
        pij.setTerritoryId(world.territoryId);
        pij.setContacts(List.of(new OrganisationContact("Accueil", "accueil", "05 65 11 22 33", "pij@structure.test", false)));
        organisations.save(pij);
        var recorded = world.request(world.a, clock.instant(), Channel.SMS);

        requests.close(recorded.requestId(), "pro", clock.instant(), Outcome.NO_LONGER_AVAILABLE, null);

        assertThat(news()).singleElement().satisfies(news -> {
            assertThat(news.next()).isNull();
            assertThat(news.fallback()).isEqualTo(new RequestNews.Fallback("Point Info Jeunes du coin", "05 65 11 22 33"));
        });
    }

    @Test
    void the_delay_passed_with_nobody_taking_the_request_in_hand_is_told_once_with_the_next_offer() {
        var world = world();
        var recorded = world.request(world.a, clock.instant(), Channel.SMS);
        Instant due = clock.instant().plus(Duration.ofDays(3));

        assertThat(job.run(due.minusSeconds(60))).isZero();
        assertThat(job.run(due.plusSeconds(60))).isEqualTo(1);
        assertThat(job.run(due.plusSeconds(120))).isZero();

        assertThat(news()).singleElement().satisfies(news -> {
            assertThat(news.kind()).isEqualTo(RequestNews.Kind.EXPIRED);
            assertThat(news.next()).isNotNull();
        });
        assertThat(records.findById(recorded.requestId()).orElseThrow().getNews()).containsKey(NewsKind.EXPIRED);
    }

    @Test
    void a_request_that_fell_due_long_ago_is_not_told_at_an_upgrade() {
        var world = world();
        world.request(world.a, clock.instant(), Channel.SMS);

        assertThat(job.run(clock.instant().plus(Duration.ofDays(11)))).isZero();
        assertThat(inbox.accepted()).isEmpty();
    }

    /** Broken promise if it fails: a change made while the store of messages is down is never told. */
    @Test
    void news_left_untold_by_a_failure_are_told_by_the_next_round_once() {
        var world = world();
        var recorded = world.request(world.a, clock.instant(), Channel.SMS);
        inbox.down(true);

        requests.recordFollowUp(recorded.requestId(), "pro", clock.instant(), FollowUpMeans.PHONE, "messagerie", null);
        assertThat(records.findById(recorded.requestId()).orElseThrow().isNewsPending()).isTrue();

        inbox.down(false);
        assertThat(job.run(clock.instant())).isEqualTo(1);
        assertThat(job.run(clock.instant())).isZero();
        assertThat(news()).hasSize(1);
    }

    @Test
    void handing_over_again_after_a_crash_between_the_inbox_and_the_mark_tells_nothing_twice() {
        var world = world();
        var recorded = world.request(world.a, clock.instant(), Channel.SMS);
        requests.recordFollowUp(recorded.requestId(), "pro", clock.instant(), FollowUpMeans.PHONE, "messagerie", null);
        // the mark lost in a crash
        mongo.getCollection("contactRequests").updateOne(new org.bson.Document("_id", recorded.requestId()),
                new org.bson.Document("$set", new org.bson.Document("news.TAKEN_IN_HAND.handedAt", null)
                        .append("newsPending", true)));

        job.run(clock.instant());

        assertThat(news()).hasSize(1);
        assertThat(records.findById(recorded.requestId()).orElseThrow().isNewsPending()).isFalse();
    }

    @Test
    void an_anonymised_request_tells_nothing() {
        var world = world();
        var recorded = world.request(world.a, clock.instant(), Channel.SMS);
        ContactRequest request = records.findById(recorded.requestId()).orElseThrow();
        request.close(Outcome.UNREACHABLE, null, clock.instant());
        request.anonymise();
        records.save(request);

        job.run(clock.instant());

        assertThat(inbox.accepted()).isEmpty();
        assertThat(records.findById(recorded.requestId()).orElseThrow().isNewsPending()).isFalse();
    }

    @Test
    void the_offer_accepted_becomes_a_new_request_made_of_the_previous_one_once() {
        var world = world();
        var previous = world.request(world.a, clock.instant(), Channel.SMS);
        requests.close(previous.requestId(), "pro", clock.instant(), Outcome.NOT_ELIGIBLE, null);
        Instant at = clock.instant().plus(Duration.ofHours(1));
        ConsentRecord consent = new ConsentRecord("J'envoie ta demande ?", "v2", at, Channel.SMS);

        var first = contactRequests.recordAnother("cr_next_" + previous.requestId(), previous.requestId(),
                world.b.offerId(), consent);
        var again = contactRequests.recordAnother("cr_next_" + previous.requestId(), previous.requestId(),
                world.b.offerId(), consent);

        assertThat(first).isPresent().isEqualTo(again);
        assertThat(first.get().organisationId()).isEqualTo(world.b.id());
        assertThat(first.get().dueAt()).isEqualTo(at.plus(Duration.ofDays(3)));
        ContactRequest made = records.findById(first.get().requestId()).orElseThrow();
        ContactRequest before = records.findById(previous.requestId()).orElseThrow();
        assertThat(made.getContactAddress()).isEqualTo(before.getContactAddress());
        assertThat(made.getConversationAddress()).isEqualTo(before.getConversationAddress());
        assertThat(made.getAnswers()).isEqualTo(before.getAnswers());
        assertThat(made.getConsent()).isEqualTo(consent);
        assertThat(made.getPreviousRequestId()).isEqualTo(previous.requestId());
        assertThat(made.getStatus().name()).isEqualTo("NEW");
    }

    @Test
    void no_new_request_from_an_erased_one() {
        var world = world();
        var previous = world.request(world.a, clock.instant(), Channel.SMS);
        ContactRequest request = records.findById(previous.requestId()).orElseThrow();
        request.anonymise();
        records.save(request);

        assertThat(contactRequests.recordAnother("cr_x_" + previous.requestId(), previous.requestId(), world.b.offerId(),
                new ConsentRecord("ok", "v2", clock.instant(), Channel.SMS))).isEmpty();
        assertThat(records.findById("cr_x_" + previous.requestId())).isEmpty();
    }

    /** The requests already asked about on the conversation are not proposed again. */
    @Test
    void an_offer_already_asked_for_is_not_proposed_again() {
        var world = world();
        var toB = world.request(world.b, clock.instant(), Channel.SMS);
        var toA = world.request(world.a, clock.instant(), Channel.SMS);
        assertThat(records.findById(toA.requestId()).orElseThrow().getConversationAddress())
                .isEqualTo(records.findById(toB.requestId()).orElseThrow().getConversationAddress());

        requests.close(toA.requestId(), "pro", clock.instant(), Outcome.UNREACHABLE, null);

        assertThat(news()).singleElement().satisfies(news -> assertThat(news.next()).isNull());
    }

    private List<RequestNews> news() {
        return inbox.accepted().stream().map(Inbound::choiceId).map(RequestNews::parse)
                .map(java.util.Optional::orElseThrow).toList();
    }

}
