package fr.boussole.console.hardening;

import fr.boussole.console.support.AccessPolicy;
import fr.boussole.console.support.ConsoleEndpoints;
import fr.boussole.console.support.ConsoleIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every state-changing endpoint of the console, read from the request-mapping registry (so a new one is
 * checked without anyone adding it here), plus sign-in and sign-out (served by filters, not in the
 * registry): refused without a CSRF token, accepted past the CSRF check with one.
 */
class CsrfEverywhereTest extends ConsoleIntegrationTest {

    private static final Set<RequestMethod> SAFE = Set.of(RequestMethod.GET, RequestMethod.HEAD, RequestMethod.OPTIONS,
            RequestMethod.TRACE);

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** Fails if any console endpoint that changes something can be called without the CSRF token. */
    @Test
    void every_state_changing_endpoint_refuses_a_request_without_the_csrf_token() throws Exception {
        var world = fixtures.world();
        var admin = fixtures.administrator();
        String requestId = fixtures.request(world, world.a(), clock.instant());
        String handoverId = fixtures.handover(world, clock.instant());
        var endpoints = stateChanging();
        endpoints.put("/console/login", HttpMethod.POST);
        endpoints.put("/console/logout", HttpMethod.POST);
        assertThat(endpoints).containsKeys("/console/demandes/{id}/suivi", "/console/offres/nouvelle",
                "/console/offres/import", "/console/mot-de-passe/oubli");

        for (var endpoint : endpoints.entrySet()) {
            String path = ConsoleEndpoints.fill(endpoint.getKey(), kind -> switch (kind) {
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

            int without = mvc.perform(request(endpoint.getValue(), path).with(user(signedIn))).andReturn()
                    .getResponse().getStatus();
            int with = mvc.perform(request(endpoint.getValue(), path).with(user(signedIn)).with(csrf())).andReturn()
                    .getResponse().getStatus();

            assertThat(without).as("%s %s without a CSRF token", endpoint.getValue(), path).isEqualTo(403);
            assertThat(with).as("%s %s with a CSRF token (else the 403 above proves nothing)", endpoint.getValue(), path)
                    .isNotEqualTo(403);
        }
    }

    /** Mappings under /console that accept a method other than GET/HEAD/OPTIONS/TRACE (no method: all of them). */
    private TreeMap<String, HttpMethod> stateChanging() {
        var endpoints = new TreeMap<String, HttpMethod>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            var methods = info.getMethodsCondition().getMethods();
            var unsafe = methods.isEmpty() ? RequestMethod.POST
                    : methods.stream().filter(m -> !SAFE.contains(m)).findFirst().orElse(null);
            if (unsafe != null) {
                info.getPatternValues().stream().filter(p -> p.startsWith("/console"))
                        .forEach(p -> endpoints.put(p, HttpMethod.valueOf(unsafe.name())));
            }
        });
        return endpoints;
    }
}
