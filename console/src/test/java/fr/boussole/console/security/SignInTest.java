package fr.boussole.console.security;

import fr.boussole.console.support.ConsoleIntegrationTest;
import fr.boussole.console.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class SignInTest extends ConsoleIntegrationTest {

    @Test
    void the_console_asks_for_a_sign_in_on_a_french_login_page() throws Exception {
        mvc.perform(get("/console")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/console/login"));
        mvc.perform(get("/console/login")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Connexion")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
    }

    @Test
    void a_professional_signs_in_with_the_store_account_and_sees_the_home_counts() throws Exception {
        var world = fixtures.world();
        fixtures.request(world, world.a(), clock.instant());
        var login = mvc.perform(post("/console/login").with(csrf())
                        .param("email", world.a().professional().email().toUpperCase()).param("password", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/console")).andReturn();

        mvc.perform(get("/console").session((org.springframework.mock.web.MockHttpSession) login.getRequest().getSession()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("nouvelles demandes")));
    }

    @Test
    void a_wrong_password_is_refused() throws Exception {
        var world = fixtures.world();
        mvc.perform(post("/console/login").with(csrf())
                        .param("email", world.a().professional().email()).param("password", "faux"))
                .andExpect(redirectedUrl("/console/login?error"));
    }

    @Test
    void five_failures_lock_the_account_even_against_the_right_password_until_the_lock_runs_out() throws Exception {
        var world = fixtures.world();
        String email = world.b().professional().email();
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/console/login").with(csrf()).param("email", email).param("password", "faux" + i));
        }
        mvc.perform(post("/console/login").with(csrf()).param("email", email).param("password", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/console/login?locked"));

        clock.advance(Duration.ofMinutes(16));

        mvc.perform(post("/console/login").with(csrf()).param("email", email).param("password", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/console"));
    }

    @Test
    void forms_without_csrf_token_are_refused() throws Exception {
        var world = fixtures.world();
        mvc.perform(post("/console/login").param("email", world.a().professional().email())
                .param("password", Fixtures.PASSWORD)).andExpect(status().isForbidden());
        String id = fixtures.request(world, world.a(), clock.instant());
        mvc.perform(post("/console/demandes/" + id + "/suivi").with(user(world.a().professional()))
                .param("at", "2026-03-02T10:00").param("means", "PHONE").param("comment", "x"))
                .andExpect(status().isForbidden());
    }

    @Test
    void console_pages_carry_strict_security_headers() throws Exception {
        mvc.perform(get("/console/login"))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(header().string("Content-Security-Policy", not(containsString("unsafe-inline"))))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Referrer-Policy", "no-referrer"));
    }

    @Test
    void paths_of_other_modules_stay_open_without_login_or_csrf() throws Exception {
        // No controller answers these in the console's tests: a 404 (not a redirect to login, not a 403) shows
        // that security lets them through.
        mvc.perform(post("/webhooks/twilio").param("Body", "bonjour")).andExpect(status().isNotFound());
        mvc.perform(post("/api/chat/abcdefgh/messages").contentType("application/json").content("{\"text\":\"salut\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/chat")).andExpect(status().isNotFound());
    }

    @Test
    void the_stylesheet_is_served_without_sign_in() throws Exception {
        mvc.perform(get("/console/assets/console.css")).andExpect(status().isOk());
    }
}
