package fr.boussole.console.hardening;

import fr.boussole.console.support.AccessPolicy;
import fr.boussole.console.support.ConsoleEndpoints;
import fr.boussole.console.support.ConsoleIntegrationTest;
import fr.boussole.console.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Security headers on every page the console serves, found in the request-mapping registry (a new page
 * is checked without anyone adding it here), and on its error answers through the real container.
 */
class SecurityHeadersTest extends ConsoleIntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @LocalServerPort
    int port;

    /** Fails if any console page (GET mapping under /console) lacks one of the headers. */
    @Test
    void every_console_page_carries_the_security_headers_and_is_not_cached() throws Exception {
        var world = fixtures.world();
        var admin = fixtures.administrator();
        String requestId = fixtures.request(world, world.a(), clock.instant());
        String handoverId = fixtures.handover(world, clock.instant());
        List<String> checked = new ArrayList<>();
        for (String pattern : consolePages()) {
            String path = ConsoleEndpoints.fill(pattern, kind -> switch (kind) {
                case HANDOVER -> handoverId;
                case REQUEST -> requestId;
                case OFFER -> world.a().offerId();
                case ORGANISATION -> world.a().id();
                case ACCOUNT -> world.a().professional().accountId();
                case TERRITORY -> world.territoryId();
                case TOKEN -> "inconnu";
                case THEME, QUESTION, VERSION -> ConsoleEndpoints.sameForEveryone(kind);
            });
            var signedIn = switch (AccessPolicy.someoneAllowed(path)) {
                case PROFESSIONAL -> world.a().professional();
                case ANIMATEUR -> world.animateur();
                default -> admin;
            };
            var response = mvc.perform(get(path).with(user(signedIn))).andReturn().getResponse();
            assertThat(response.getStatus()).as(path).isLessThan(500);
            SecurityHeaders.assertPresent(path + " (" + response.getStatus() + ")", response::getHeader);
            checked.add(path);
        }
        // The registry was read: the pages known today are among those checked.
        assertThat(checked).contains("/console", "/console/login", "/console/demandes/" + requestId,
                "/console/animation/tableau-de-bord", "/console/offres/export.csv");
    }

    /**
     * Fails if an error answer (rendered by the container's error page, outside the console's own pages)
     * or a refusal goes out without the headers.
     */
    @Test
    void errors_refusals_and_redirects_carry_the_security_headers_too() throws Exception {
        var world = fixtures.world();
        var http = new Browserless(port);
        String professional = http.signIn(world.a().professional().email(), Fixtures.PASSWORD);
        record Case(String what, String path, String session, int status) {}
        List<Case> cases = List.of(
                new Case("unknown request", "/console/demandes/inconnue", professional, 404),
                new Case("no such page", "/console/pas-de-page-ici", professional, 404),
                new Case("malformed parameter", "/console/animation/export/rapport-annuel.csv?annee=abc",
                        http.signIn(world.animateur().email(), Fixtures.PASSWORD), 400),
                new Case("forbidden to the role", "/console/animation/journal", professional, 403),
                new Case("expired or unknown alert link", "/console/alerte/" + "A".repeat(43), null, 404),
                new Case("not signed in", "/console/demandes", null, 302));
        for (Case c : cases) {
            var response = http.get(c.path(), c.session());
            assertThat(response.statusCode()).as(c.what()).isEqualTo(c.status());
            SecurityHeaders.assertPresent(c.what(), name -> response.headers().firstValue(name).orElse(null));
        }
        var refused = http.post("/console/demandes/inconnue/suivi", professional, Browserless.form("comment", "x"));
        assertThat(refused.statusCode()).as("post without CSRF token").isEqualTo(403);
        SecurityHeaders.assertPresent("post without CSRF token", name -> refused.headers().firstValue(name).orElse(null));
    }

    private TreeSet<String> consolePages() {
        var pages = new TreeSet<String>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            var methods = info.getMethodsCondition().getMethods();
            if (methods.isEmpty() || methods.contains(RequestMethod.GET)) {
                info.getPatternValues().stream().filter(p -> p.startsWith("/console")).forEach(pages::add);
            }
        });
        return pages;
    }
}
