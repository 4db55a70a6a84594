package fr.boussole.console.reminders;

import fr.boussole.console.support.ConsoleIntegrationTest;
import fr.boussole.core.delivery.DeliveryPayload;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

class KeptPromisesTest extends ConsoleIntegrationTest {

    @Autowired
    KeptPromises keptPromises;

    @Test
    void the_organisation_is_reminded_once_on_the_due_day_and_the_animateur_once_when_overdue() {
        var world = fixtures.world();
        Instant made = Instant.parse("2026-03-02T09:00:00Z");
        String id = fixtures.request(world, world.a(), made);

        clock.set(Instant.parse("2026-03-04T09:00:00Z"));
        keptPromises.run();
        assertThat(sentTo(world.a().alertEmail(), id)).isZero();

        clock.set(Instant.parse("2026-03-05T07:00:00Z"));
        keptPromises.run();
        keptPromises.run();
        assertThat(sentTo(world.a().alertEmail(), id)).isEqualTo(1);
        var reminder = outbox.enqueued().values().stream().filter(d -> d.recipient().equals(world.a().alertEmail()))
                .findFirst().orElseThrow();
        assertThat(((DeliveryPayload.Email) reminder.payload()).subject()).contains("Rappel");
        assertThat(((DeliveryPayload.Email) reminder.payload()).text()).contains("/console/demandes/" + id)
                .doesNotContain("06 12 34 56 78");

        clock.set(Instant.parse("2026-03-05T10:00:00Z"));
        keptPromises.run();
        keptPromises.run();
        assertThat(sentTo(world.animateur().email(), id)).isEqualTo(1);
        assertThat(outbox.enqueued().values().stream().filter(d -> d.recipient().equals(world.animateur().email()))
                .map(d -> ((DeliveryPayload.Email) d.payload()).subject())).allMatch(s -> s.contains("Délai dépassé"));
    }

    @Test
    void a_request_followed_up_in_time_is_neither_reminded_nor_escalated() throws Exception {
        var world = fixtures.world();
        String id = fixtures.request(world, world.b(), Instant.parse("2026-03-02T09:00:00Z"));
        clock.set(Instant.parse("2026-03-03T09:00:00Z"));
        mvc.perform(post("/console/demandes/" + id + "/suivi").with(user(world.b().professional())).with(csrf())
                .param("at", "2026-03-03T10:00").param("means", "PHONE").param("comment", "Message laissé"));

        clock.set(Instant.parse("2026-03-05T07:00:00Z"));
        keptPromises.run();
        clock.set(Instant.parse("2026-03-06T07:00:00Z"));
        keptPromises.run();

        assertThat(outbox.enqueued().values()).noneMatch(d -> d.id().startsWith("ob_") &&
                (d.recipient().equals(world.b().alertEmail()) || d.recipient().equals(world.animateur().email())));
    }

    private long sentTo(String recipient, String requestId) {
        return outbox.enqueued().values().stream().filter(d -> d.recipient().equals(recipient))
                .filter(d -> ((DeliveryPayload.Email) d.payload()).text().contains(requestId)).count();
    }
}
