package fr.boussole.store.promise;

import fr.boussole.store.request.FollowUpMeans;
import fr.boussole.store.request.RequestBook;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class KeptPromisesTest extends PromiseTest {

    @Autowired
    KeptPromises keptPromises;
    @Autowired
    RequestBook requests;

    @Test
    void the_organisation_is_reminded_once_on_the_due_day_and_the_animateur_once_when_overdue() {
        var world = world();
        Instant made = Instant.parse("2026-03-02T09:00:00Z");
        String id = world.request(world.a, made).requestId();

        clock.set(Instant.parse("2026-03-04T09:00:00Z"));
        keptPromises.run();
        assertThat(emailsTo(world.a.alertEmail())).isEmpty();

        clock.set(Instant.parse("2026-03-05T07:00:00Z"));
        keptPromises.run();
        keptPromises.run();
        var reminder = emailTo(world.a.alertEmail());
        assertThat(reminder.subject()).contains("Rappel");
        assertThat(reminder.text()).contains("/console/demandes/" + id).doesNotContain("+33612345678", "06 12 34 56 78");

        clock.set(Instant.parse("2026-03-05T10:00:00Z"));
        keptPromises.run();
        keptPromises.run();
        assertThat(emailTo(world.animateurEmail).subject()).contains("Délai dépassé");
        assertThat(emailTo(world.animateurEmail).text()).contains("/console/demandes/" + id);
    }

    @Test
    void a_request_followed_up_in_time_is_neither_reminded_nor_escalated() {
        var world = world();
        String id = world.request(world.b, Instant.parse("2026-03-02T09:00:00Z")).requestId();
        requests.recordFollowUp(id, "ac_pro", Instant.parse("2026-03-03T10:00:00Z"), FollowUpMeans.PHONE,
                "Message laissé", null);

        clock.set(Instant.parse("2026-03-05T07:00:00Z"));
        keptPromises.run();
        clock.set(Instant.parse("2026-03-06T07:00:00Z"));
        keptPromises.run();

        assertThat(emailsTo(world.b.alertEmail())).isEmpty();
        assertThat(emailsTo(world.animateurEmail)).isEmpty();
    }
}
