package fr.boussole.store.promise;

import fr.boussole.core.promise.ContactChecks;
import fr.boussole.core.message.Channel;
import fr.boussole.store.request.FollowUpMeans;
import fr.boussole.store.request.RequestBook;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class ContactChecksTest extends PromiseTest {

    @Autowired
    ContactChecks checks;
    @Autowired
    MongoContactChecks answers;
    @Autowired
    RequestBook requests;

    /** Broken promise if it fails: a request is lost when the asker dies between taking it and asking, or asked forever. */
    @Test
    void each_past_due_request_is_handed_out_with_the_conversation_to_ask_on_until_marked_as_asked() {
        var world = world();
        Instant made = Instant.parse("2026-03-02T09:00:00Z");
        String id = world.request(world.a, made).requestId();
        requests.recordFollowUp(id, "pro", made.plus(Duration.ofHours(2)), FollowUpMeans.PHONE, "messagerie", null);
        Instant now = made.plus(Duration.ofDays(3)).plusSeconds(60);

        assertThat(checks.takeDue(made.plus(Duration.ofDays(2)), 1000)).noneMatch(d -> d.requestId().equals(id));
        var due = checks.takeDue(now, 1000).stream().filter(d -> d.requestId().equals(id)).toList();
        assertThat(due).singleElement().satisfies(d -> {
            assertThat(d.conversation().channel()).isEqualTo(Channel.WEB);
            assertThat(d.conversation().address()).isEqualTo("session-" + id);
            assertThat(d.offerTitle()).isEqualTo(world.a.offerTitle());
            assertThat(d.organisationName()).isEqualTo(world.a.name());
        });
        assertThat(checks.takeDue(now, 1000)).as("not marked yet: handed out again")
                .anyMatch(d -> d.requestId().equals(id));

        checks.asked(id, now);
        checks.asked(id, now.plusSeconds(1));
        assertThat(checks.takeDue(now, 1000)).noneMatch(d -> d.requestId().equals(id));
        assertThat(answers.of(id)).hasValueSatisfying(c -> {
            assertThat(c.askedAt()).isEqualTo(now);
            assertThat(c.answer()).isNull();
        });
    }

    /** A request nobody took in hand is told its delay passed instead (RequestNewsTest): not asked twice. */
    @Test
    void a_request_still_new_at_its_due_date_is_not_handed_out() {
        var world = world();
        Instant made = Instant.parse("2026-03-02T09:00:00Z");
        String id = world.request(world.a, made).requestId();

        assertThat(checks.takeDue(made.plus(Duration.ofDays(4)), 1000)).noneMatch(d -> d.requestId().equals(id));
        requests.recordFollowUp(id, "pro", made.plus(Duration.ofDays(4)), FollowUpMeans.PHONE, "enfin", null);
        assertThat(checks.takeDue(made.plus(Duration.ofDays(4)), 1000)).anyMatch(d -> d.requestId().equals(id));
    }

    /** Broken promise if it fails: marking a request as asked after its answer came erases the answer. */
    @Test
    void marking_as_asked_after_the_answer_keeps_the_answer() {
        var world = world();
        String id = world.request(world.a, Instant.parse("2026-03-02T09:00:00Z")).requestId();
        Instant answeredAt = Instant.parse("2026-03-06T09:00:00Z");

        checks.answered(id, ContactChecks.Answer.YES, answeredAt);
        checks.asked(id, answeredAt.plusSeconds(5));

        assertThat(answers.of(id)).hasValueSatisfying(c -> {
            assertThat(c.answer()).isEqualTo(ContactChecks.Answer.YES);
            assertThat(c.answeredAt()).isEqualTo(answeredAt);
        });
        assertThat(checks.takeDue(answeredAt.plus(Duration.ofDays(30)), 1000)).noneMatch(d -> d.requestId().equals(id));
    }

    @Test
    void a_no_is_recorded_and_alerts_the_animateur_once_and_counts_in_the_territory_tally() {
        var world = world();
        String id = world.request(world.b, Instant.parse("2026-03-02T09:00:00Z")).requestId();
        Instant at = Instant.parse("2026-03-06T09:00:00Z");

        checks.answered(id, ContactChecks.Answer.NO, at);
        checks.answered(id, ContactChecks.Answer.NO, at);

        var alert = emailTo(world.animateurEmail);
        assertThat(alert.subject()).contains("ne pas avoir été contacté").contains(world.b.offerTitle());
        assertThat(alert.text()).contains("/console/demandes/" + id);
        assertThat(answers.tally(world.territoryId)).containsEntry("ASKED", 1L).containsEntry("NO", 1L)
                .containsEntry("YES", 0L);
    }

    @Test
    void a_yes_alerts_nobody() {
        var world = world();
        String id = world.request(world.a, Instant.parse("2026-03-02T09:00:00Z")).requestId();

        checks.answered(id, ContactChecks.Answer.YES, Instant.parse("2026-03-06T09:00:00Z"));

        assertThat(outbox.enqueued()).isEmpty();
    }
}
