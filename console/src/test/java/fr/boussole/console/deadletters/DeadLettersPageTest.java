package fr.boussole.console.deadletters;

import fr.boussole.console.support.ConsoleIntegrationTest;
import fr.boussole.core.delivery.DeadLetter;
import fr.boussole.core.delivery.RecipientMask;
import fr.boussole.core.message.Channel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The animateur's page of dead letters. Fails when: the page is missing from the animateur's menu or
 * does not list a dead letter with its channel, kind, attempts, error and masked recipient; a
 * professional can see it or retry (403 expected); a retry is accepted without a CSRF token or by GET;
 * a retry does not reach the port, or a second retry of the same entry claims success.
 */
class DeadLettersPageTest extends ConsoleIntegrationTest {

    static final String PAGE = "/console/animation/envois-en-echec";

    @Autowired
    InMemoryDeadLetters deadLetters;

    @BeforeEach
    void someDeadLetters() {
        deadLetters.clear();
        deadLetters.add(new DeadLetter("ob_reply1", Channel.SMS, DeadLetter.Kind.REPLY, Instant.parse("2026-03-01T10:00:00Z"),
                Instant.parse("2026-03-01T12:00:00Z"), 8, "twilio 503: Service Unavailable", RecipientMask.of("+33612345678")));
        deadLetters.add(new DeadLetter("ob_alert1", Channel.EMAIL, DeadLetter.Kind.ALERT, Instant.parse("2026-03-01T11:00:00Z"),
                Instant.parse("2026-03-01T13:00:00Z"), 8, "smtp unreachable", RecipientMask.of("jeanne@example.fr")));
    }

    @Test
    void the_animateur_sees_every_dead_letter_masked_and_reaches_the_page_from_the_menu() throws Exception {
        var world = fixtures.world();
        mvc.perform(get("/console/animation/tableau-de-bord").with(user(world.animateur())))
                .andExpect(content().string(containsString("href=\"" + PAGE + "\"")));
        mvc.perform(get(PAGE).with(user(world.animateur())))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("+33 6 •• •• •• 78"), containsString("j•••@example.fr"),
                        containsString("Réponse du bot"), containsString("Alerte (e-mail)"),
                        containsString("twilio 503: Service Unavailable"), containsString("data-id=\"ob_reply1\""),
                        containsString("action=\"" + PAGE + "/ob_alert1/relance\""),
                        not(containsString("+33612345678")), not(containsString("jeanne@")))));
    }

    @Test
    void a_retry_is_a_post_with_csrf_that_goes_through_once() throws Exception {
        var world = fixtures.world();
        mvc.perform(post(PAGE + "/ob_reply1/relance").with(user(world.animateur())))
                .andExpect(status().isForbidden());
        mvc.perform(get(PAGE + "/ob_reply1/relance").with(user(world.animateur())))
                .andExpect(status().is4xxClientError());
        assertThat(deadLetters.retried()).isEmpty();

        mvc.perform(post(PAGE + "/ob_reply1/relance").with(user(world.animateur())).with(csrf()))
                .andExpect(redirectedUrl(PAGE + "?relancee"));
        mvc.perform(post(PAGE + "/ob_reply1/relance").with(user(world.animateur())).with(csrf()))
                .andExpect(redirectedUrl(PAGE + "?introuvable"));
        mvc.perform(post(PAGE + "/not$an(id/relance").with(user(world.animateur())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(deadLetters.retried()).containsExactly("ob_reply1");

        mvc.perform(get(PAGE + "?relancee").with(user(world.animateur())))
                .andExpect(content().string(allOf(containsString("id=\"retried\""), not(containsString("data-id=\"ob_reply1\"")))));
    }

    @Test
    void professionals_never_see_nor_retry_dead_letters() throws Exception {
        var world = fixtures.world();
        mvc.perform(get(PAGE).with(user(world.a().professional())))
                .andExpect(status().isForbidden());
        mvc.perform(post(PAGE + "/ob_reply1/relance").with(user(world.a().professional())).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/console/demandes").with(user(world.a().professional())))
                .andExpect(content().string(not(containsString(PAGE))));
        assertThat(deadLetters.retried()).isEmpty();
    }
}
