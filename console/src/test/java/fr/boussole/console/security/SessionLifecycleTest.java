package fr.boussole.console.security;

import fr.boussole.console.hardening.Browserless;
import fr.boussole.console.support.ConsoleIntegrationTest;
import fr.boussole.console.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import static fr.boussole.console.hardening.Browserless.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * The session through the real servlet container, cookies handled by hand: what a session id is worth
 * before sign-in, after sign-in and after sign-out, and the attributes of its cookie.
 */
class SessionLifecycleTest extends ConsoleIntegrationTest {

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    ConsoleAccounts consoleAccounts;
    @org.springframework.beans.factory.annotation.Autowired
    fr.boussole.store.account.Accounts accounts;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.security.crypto.password.PasswordEncoder encoder;
    @org.springframework.beans.factory.annotation.Autowired
    PasswordResets resets;

    private Browserless http;
    private Fixtures.World world;

    @BeforeEach
    void world() {
        http = new Browserless(port);
        world = fixtures.world();
    }

    /** Fails if sign-in keeps the session id (fixation: an id planted before sign-in would become a signed-in one). */
    @Test
    void sign_in_gives_a_new_session_id_and_the_id_from_before_opens_nothing() throws Exception {
        var loginPage = http.get("/console/login", null);
        String before = Browserless.sessionCookie(loginPage).orElseThrow();

        var signedIn = http.post("/console/login", before, form("email", world.a().professional().email(),
                "password", Fixtures.PASSWORD, "_csrf", Browserless.csrf(loginPage)));

        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/console"));
        String after = Browserless.sessionCookie(signedIn).orElseThrow();
        assertThat(after).isNotEqualTo(before);
        assertThat(http.get("/console/demandes", after).statusCode()).isEqualTo(200);
        var withOldId = http.get("/console/demandes", before);
        assertThat(withOldId.statusCode()).isEqualTo(302);
        assertThat(withOldId.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/console/login"));
    }

    /** Fails if sign-out leaves the session alive on the server (a copied cookie would still work). */
    @Test
    void sign_out_ends_the_session_on_the_server_and_clears_the_cookie() throws Exception {
        String session = http.signIn(world.a().professional().email(), Fixtures.PASSWORD);
        var page = http.get("/console/demandes", session);
        assertThat(page.statusCode()).isEqualTo(200);

        var signedOut = http.post("/console/logout", session, form("_csrf", Browserless.csrf(page)));

        assertThat(signedOut.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/console/login?logout"));
        assertThat(Browserless.setCookie(signedOut)).hasValueSatisfying(c -> assertThat(c).startsWith("JSESSIONID=;")
                .contains("Expires=Thu, 01 Jan 1970"));
        var replayed = http.get("/console/demandes", session);
        assertThat(replayed.statusCode()).isEqualTo(302);
        assertThat(replayed.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/console/login"));
    }

    /** Fails if the cookie becomes readable from scripts, goes with cross-site posts, or is Secure on http. */
    @Test
    void the_session_cookie_is_http_only_same_site_lax_and_not_secure_on_http_localhost() throws Exception {
        var loginPage = http.get("/console/login", null);
        var signedIn = http.post("/console/login", Browserless.sessionCookie(loginPage).orElseThrow(),
                form("email", world.b().professional().email(), "password", Fixtures.PASSWORD,
                        "_csrf", Browserless.csrf(loginPage)));

        String cookie = Browserless.setCookie(signedIn).orElseThrow();
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").doesNotContain("Secure");
    }

    /** Fails if the principal kept in the session still carries the password hash. */
    @Test
    void the_signed_in_principal_keeps_no_password_hash() throws Exception {
        var login = mvc.perform(post("/console/login").with(csrf())
                        .param("email", world.a().professional().email()).param("password", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/console")).andReturn();

        var session = (MockHttpSession) login.getRequest().getSession();
        var context = (SecurityContext) session.getAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        var principal = (ConsoleUser) context.getAuthentication().getPrincipal();
        assertThat(principal.accountId()).isEqualTo(world.a().professional().accountId());
        assertThat(principal.getPassword()).isNull();
        assertThat(principal.passwordHash()).isNull();
        assertThat(context.getAuthentication().getCredentials()).isNull();
    }

    /**
     * Fails if a session opened before a password change outlives it: whoever had the old password (or a
     * copied cookie) would keep the console after the owner changed it.
     */
    @Test
    void a_password_change_ends_every_session_opened_before_it_at_once() throws Exception {
        var pro = world.a().professional();
        String session = http.signIn(pro.email(), Fixtures.PASSWORD);
        assertThat(http.get("/console/demandes", session).statusCode()).isEqualTo(200);

        consoleAccounts.changePassword(pro.accountId(), encoder.encode("un-tout-nouveau-mot-de-passe"));

        assertSentToSignIn(http.get("/console/demandes", session));
        String fresh = http.signIn(pro.email(), "un-tout-nouveau-mot-de-passe");
        assertThat(http.get("/console/demandes", fresh).statusCode()).isEqualTo(200);
    }

    /** Fails if a deactivated account keeps its open sessions (it only could not sign in again). */
    @Test
    void a_deactivation_ends_the_sessions_of_the_account_at_once() throws Exception {
        var animateur = world.animateur();
        String session = http.signIn(animateur.email(), Fixtures.PASSWORD);
        assertThat(http.get("/console/animation/journal", session).statusCode()).isEqualTo(200);

        var account = accounts.findById(animateur.accountId()).orElseThrow();
        account.setActive(false);
        accounts.save(account);

        assertSentToSignIn(http.get("/console/animation/journal", session));
        assertSentToSignIn(http.get("/console/demandes", session));
    }

    /** Fails if a session survives the reset of its account's password through the emailed link. */
    @Test
    void a_password_reset_by_link_ends_the_sessions_opened_before_it() throws Exception {
        var pro = world.b().professional();
        String session = http.signIn(pro.email(), Fixtures.PASSWORD);
        resets.requestFor(pro.email(), "10.99.0.1");
        var delivery = outbox.enqueued().values().stream().filter(d -> d.recipient().equals(pro.email())).findFirst().orElseThrow();
        var link = java.util.regex.Pattern.compile("/console/mot-de-passe/nouveau/([A-Za-z0-9_-]{43})")
                .matcher(((fr.boussole.core.delivery.DeliveryPayload.Email) delivery.payload()).text());
        assertThat(link.find()).isTrue();

        assertThat(resets.reset(link.group(1), "encore-un-nouveau-mot-de-passe")).isTrue();

        assertSentToSignIn(http.get("/console/demandes", session));
    }

    private static void assertSentToSignIn(java.net.http.HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/console/login"));
    }
}
