package fr.boussole.console.admin;

import fr.boussole.console.hardening.Browserless;
import fr.boussole.console.support.ConsoleIntegrationTest;
import fr.boussole.console.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;

import static fr.boussole.console.hardening.Browserless.form;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The accounts page's changes end the sessions they concern at once, end to end: the person's browser
 * is signed in through the real servlet container, the animateur acts on the page with their own
 * session, and the very next request of the person's session is sent to the sign-in page (the console's
 * session check compares each session with its account on every request).
 */
class AccountSessionsTest extends ConsoleIntegrationTest {

    @LocalServerPort
    int port;

    private Browserless http;
    private Fixtures.World world;

    @BeforeEach
    void world() {
        http = new Browserless(port);
        world = fixtures.world();
    }

    /** Fails if an account deactivated on the accounts page keeps the console in a session opened before. */
    @Test
    void a_professional_deactivated_on_the_accounts_page_loses_the_console_at_their_next_click() throws Exception {
        var pro = world.a().professional();
        String proSession = http.signIn(pro.email(), Fixtures.PASSWORD);
        assertThat(http.get("/console/demandes", proSession).statusCode()).isEqualTo(200);

        String animateur = http.signIn(world.animateur().email(), Fixtures.PASSWORD);
        var page = http.get("/console/admin/comptes/" + pro.accountId(), animateur);
        assertThat(page.statusCode()).isEqualTo(200);
        var done = http.post("/console/admin/comptes/" + pro.accountId() + "/desactiver", animateur,
                form("_csrf", Browserless.csrf(page)));
        assertThat(done.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("desactive"));

        assertSentToSignIn(http.get("/console/demandes", proSession));
        assertSentToSignIn(http.get("/console/demandes", proSession));
        var again = http.get("/console/login", null);
        var refused = http.post("/console/login", Browserless.sessionCookie(again).orElseThrow(),
                form("email", pro.email(), "password", Fixtures.PASSWORD, "_csrf", Browserless.csrf(again)));
        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotEndWith("/console"));
        assertThat(http.get("/console/admin/comptes", animateur).statusCode()).as("the animateur's own session").isEqualTo(200);
    }

    /** Fails if a professional moved to another organisation keeps a session that still sees the old one's requests. */
    @Test
    void a_professional_moved_to_another_organisation_signs_in_again() throws Exception {
        var pro = world.a().professional();
        String proSession = http.signIn(pro.email(), Fixtures.PASSWORD);
        assertThat(http.get("/console/demandes", proSession).statusCode()).isEqualTo(200);

        String animateur = http.signIn(world.animateur().email(), Fixtures.PASSWORD);
        var page = http.get("/console/admin/comptes/" + pro.accountId(), animateur);
        var done = http.post("/console/admin/comptes/" + pro.accountId(), animateur, form("_csrf", Browserless.csrf(page),
                "role", "PROFESSIONAL", "organisationId", world.b().id()));
        assertThat(done.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("modifie"));

        assertSentToSignIn(http.get("/console/demandes", proSession));
        String fresh = http.signIn(pro.email(), Fixtures.PASSWORD);
        assertThat(http.get("/console/demandes", fresh).statusCode()).isEqualTo(200);
    }

    private static void assertSentToSignIn(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/console/login"));
    }
}
