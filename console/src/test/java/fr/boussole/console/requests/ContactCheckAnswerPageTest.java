package fr.boussole.console.requests;

import fr.boussole.console.support.ConsoleIntegrationTest;
import fr.boussole.core.promise.ContactChecks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/** What the young person answered to "were you contacted?" shows on the request and on the dashboard. */
class ContactCheckAnswerPageTest extends ConsoleIntegrationTest {

    @Autowired
    ContactChecks checks;

    @Test
    void a_no_shows_on_the_request_page_and_in_the_dashboard_tally() throws Exception {
        var world = fixtures.world();
        String id = fixtures.request(world, world.b(), Instant.parse("2026-03-02T09:00:00Z"));

        checks.answered(id, ContactChecks.Answer.NO, Instant.parse("2026-03-06T09:00:00Z"));

        mvc.perform(get("/console/demandes/" + id).with(user(world.animateur())))
                .andExpect(content().string(containsString("Je n&#39;ai pas été contacté(e)")));
        mvc.perform(get("/console/animation/tableau-de-bord").with(user(world.animateur())))
                .andExpect(content().string(containsString("<strong>0 / 1</strong>")));
    }
}
