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

    @org.springframework.beans.factory.annotation.Autowired
    ResetLimits limits;

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

    /**
     * Fails if anyone can have a professional sent reset emails without end (there was no limit), or if a
     * refused request can be told from an accepted one, or a known email from an unknown one.
     */
    @Test
    void reset_requests_are_limited_per_email_and_answer_the_same_whatever_the_email() throws Exception {
        var world = fixtures.world();
        String email = world.a().professional().email();
        String unknown = "personne-" + java.util.UUID.randomUUID() + "@nulle-part.test";
        String first = resetPage(email, "10.88.1.1");
        for (int i = 2; i <= 10; i++) {
            assertThat(resetPage(email, "10.88.1." + i)).isEqualTo(first);
            assertThat(resetPage(unknown, "10.88.2." + i)).isEqualTo(first);
        }
        assertThat(mailsTo(email)).isEqualTo(limits.maxResetRequestsPerEmail());

        clock.advance(limits.resetRequestWindow().plusSeconds(1));
        assertThat(resetPage(email, "10.88.1.11")).isEqualTo(first);
        assertThat(mailsTo(email)).isEqualTo(limits.maxResetRequestsPerEmail() + 1);
    }

    /** Fails if one client address can have reset emails sent to any number of accounts. */
    @Test
    void one_address_asking_for_many_emails_is_refused_after_its_limit() throws Exception {
        var world = fixtures.world();
        String address = "10.88.3.1";
        for (int i = 0; i < limits.maxResetRequestsPerAddress(); i++) {
            resetPage("quelqu-un-" + i + "-" + java.util.UUID.randomUUID() + "@nulle-part.test", address);
        }
        String refused = resetPage(world.b().professional().email(), address);
        assertThat(mailsTo(world.b().professional().email())).isZero();
        assertThat(refused).isEqualTo(resetPage(world.b().professional().email(), "10.88.3.2"));
        assertThat(mailsTo(world.b().professional().email())).isOne();
    }

    private String resetPage(String email, String address) throws Exception {
        return mvc.perform(post("/console/mot-de-passe/oubli").with(csrf()).param("email", email)
                        .with(request -> { request.setRemoteAddr(address); return request; }))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()
                .replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
    }

    private long mailsTo(String email) {
        return outbox.enqueued().values().stream().filter(d -> d.recipient().equals(email)).count();
    }

    private String linkSentTo(String email) {
        var delivery = outbox.enqueued().values().stream().filter(d -> d.recipient().equals(email)).findFirst().orElseThrow();
        var matcher = LINK.matcher(((DeliveryPayload.Email) delivery.payload()).text());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
