package fr.boussole.console.checks;

import fr.boussole.console.support.ConsoleIntegrationTest;
import fr.boussole.core.delivery.DeliveryPayload;
import fr.boussole.core.followup.ContactChecks;
import fr.boussole.core.message.Channel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

class ContactChecksTest extends ConsoleIntegrationTest {

    @Autowired
    ContactChecks checks;

    /** Broken promise if it fails: a request is lost when the asker dies between taking it and asking, or asked forever. */
    @Test
    void each_past_due_request_is_handed_out_with_the_conversation_to_ask_on_until_marked_as_asked() {
        var world = fixtures.world();
        Instant made = Instant.parse("2026-03-02T09:00:00Z");
        String id = fixtures.request(world, world.a(), made);
        Instant now = made.plus(Duration.ofDays(3)).plusSeconds(60);

        assertThat(checks.takeDue(made.plus(Duration.ofDays(2)), 1000)).noneMatch(d -> d.requestId().equals(id));
        var due = checks.takeDue(now, 1000).stream().filter(d -> d.requestId().equals(id)).toList();
        assertThat(due).singleElement().satisfies(d -> {
            assertThat(d.conversation().channel()).isEqualTo(Channel.WEB);
            assertThat(d.conversation().address()).isEqualTo("session-" + id);
            assertThat(d.offerTitle()).isEqualTo(world.a().offerTitle());
        });
        assertThat(checks.takeDue(now, 1000)).as("not marked yet: handed out again")
                .anyMatch(d -> d.requestId().equals(id));

        checks.asked(id, now);
        checks.asked(id, now.plusSeconds(1));
        assertThat(checks.takeDue(now, 1000)).noneMatch(d -> d.requestId().equals(id));
        assertThat(((MongoContactChecks) checks).of(id)).hasValueSatisfying(c -> {
            assertThat(c.askedAt()).isEqualTo(now);
            assertThat(c.answer()).isNull();
        });
    }

    /** Broken promise if it fails: marking a request as asked after its answer came erases the answer. */
    @Test
    void marking_as_asked_after_the_answer_keeps_the_answer() {
        var world = fixtures.world();
        String id = fixtures.request(world, world.a(), Instant.parse("2026-03-02T09:00:00Z"));
        Instant answeredAt = Instant.parse("2026-03-06T09:00:00Z");

        checks.answered(id, ContactChecks.Answer.YES, answeredAt);
        checks.asked(id, answeredAt.plusSeconds(5));

        assertThat(((MongoContactChecks) checks).of(id)).hasValueSatisfying(c -> {
            assertThat(c.answer()).isEqualTo(ContactChecks.Answer.YES);
            assertThat(c.answeredAt()).isEqualTo(answeredAt);
        });
        assertThat(checks.takeDue(answeredAt.plus(Duration.ofDays(30)), 1000)).noneMatch(d -> d.requestId().equals(id));
    }

    @Test
    void a_no_is_recorded_on_the_request_and_alerts_the_animateur_once() throws Exception {
        var world = fixtures.world();
        String id = fixtures.request(world, world.b(), Instant.parse("2026-03-02T09:00:00Z"));
        Instant at = Instant.parse("2026-03-06T09:00:00Z");

        checks.answered(id, ContactChecks.Answer.NO, at);
        checks.answered(id, ContactChecks.Answer.NO, at);

        var alerts = outbox.enqueued().values().stream().filter(d -> d.recipient().equals(world.animateur().email())).toList();
        assertThat(alerts).singleElement().satisfies(d ->
                assertThat(((DeliveryPayload.Email) d.payload()).subject()).contains("ne pas avoir été contacté"));
        mvc.perform(get("/console/demandes/" + id).with(user(world.animateur())))
                .andExpect(content().string(containsString("Je n&#39;ai pas été contacté(e)")));
        mvc.perform(get("/console/animation/tableau-de-bord").with(user(world.animateur())))
                .andExpect(content().string(containsString("<strong>0 / 1</strong>")));
    }

    @Test
    void a_yes_alerts_nobody() {
        var world = fixtures.world();
        String id = fixtures.request(world, world.a(), Instant.parse("2026-03-02T09:00:00Z"));

        checks.answered(id, ContactChecks.Answer.YES, Instant.parse("2026-03-06T09:00:00Z"));

        assertThat(outbox.enqueued()).isEmpty();
    }
}
