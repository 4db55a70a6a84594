package fr.boussole.console.security;

import fr.boussole.console.support.ConsoleIntegrationTest;
import fr.boussole.core.delivery.DeliveryPayload;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class PasswordResetTest extends ConsoleIntegrationTest {

    private static final Pattern LINK = Pattern.compile("http://localhost:8080(/console/mot-de-passe/nouveau/[A-Za-z0-9_-]{43})");

    @Test
    void a_reset_link_sets_a_new_password_once() throws Exception {
        var world = fixtures.world();
        String email = world.a().professional().email();
        mvc.perform(post("/console/mot-de-passe/oubli").with(csrf()).param("email", email))
                .andExpect(content().string(containsString("reset-sent")));
        String path = linkSentTo(email);

        mvc.perform(get(path)).andExpect(status().isOk());
        mvc.perform(post(path).with(csrf()).param("password", "un-nouveau-mot-de-passe").param("confirmation", "un-nouveau-mot-de-passe"))
                .andExpect(redirectedUrl("/console/login?reset"));

        mvc.perform(post("/console/login").with(csrf()).param("email", email).param("password", "un-nouveau-mot-de-passe"))
                .andExpect(redirectedUrl("/console"));
        mvc.perform(post(path).with(csrf()).param("password", "encore-un-autre-mdp").param("confirmation", "encore-un-autre-mdp"))
                .andExpect(status().isGone());
    }

    @Test
    void an_expired_reset_link_changes_nothing() throws Exception {
        var world = fixtures.world();
        String email = world.b().professional().email();
        mvc.perform(post("/console/mot-de-passe/oubli").with(csrf()).param("email", email));
        String path = linkSentTo(email);

        clock.advance(Duration.ofHours(2));

        mvc.perform(get(path)).andExpect(status().isGone()).andExpect(content().string(containsString("reset-invalid")));
        mvc.perform(post(path).with(csrf()).param("password", "un-nouveau-mot-de-passe").param("confirmation", "un-nouveau-mot-de-passe"))
                .andExpect(status().isGone());
    }

    @Test
    void an_unknown_email_gets_the_same_answer_and_no_mail() throws Exception {
        mvc.perform(post("/console/mot-de-passe/oubli").with(csrf()).param("email", "personne@nulle-part.test"))
                .andExpect(content().string(containsString("reset-sent")));
        assertThat(outbox.enqueued()).isEmpty();
    }

    private String linkSentTo(String email) {
        var delivery = outbox.enqueued().values().stream().filter(d -> d.recipient().equals(email)).findFirst().orElseThrow();
        var matcher = LINK.matcher(((DeliveryPayload.Email) delivery.payload()).text());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
