package fr.boussole.console.hardening;

import fr.boussole.console.security.ConsoleUser;
import fr.boussole.console.support.AccessPolicy;
import fr.boussole.console.support.AccessPolicy.Caller;
import fr.boussole.console.support.ConsoleEndpoints;
import fr.boussole.console.support.ConsoleEndpoints.Endpoint;
import fr.boussole.console.support.ConsoleEndpoints.Kind;
import fr.boussole.console.support.ConsoleIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every console endpoint of the request-mapping registry (a new one is checked without anyone listing it),
 * called by each role and by nobody, with the ids of objects of the caller's own territory and
 * organisation: each answers as {@link AccessPolicy} says. A refusal is 403 or 404 (not yours = not there);
 * anonymous callers are sent to the sign-in page.
 */
class RoleAccessTest extends ConsoleIntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** Fails when an endpoint answers a role otherwise than the policy says, or has no stated policy. */
    @Test
    void every_endpoint_answers_each_role_as_the_access_policy_says() throws Exception {
        List<Endpoint> endpoints = ConsoleEndpoints.all(mappings);
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            for (Caller caller : Caller.values()) {
                var world = fixtures.world();
                ConsoleUser admin = fixtures.administrator();
                String requestId = fixtures.request(world, world.a(), clock.instant());
                String handoverId = fixtures.handover(world, clock.instant());
                String path = ConsoleEndpoints.fill(endpoint.pattern(), kind -> switch (kind) {
                    case HANDOVER -> handoverId;
                    case REQUEST -> requestId;
                    case OFFER -> world.a().offerId();
                    case ORGANISATION -> world.a().id();
                    case ACCOUNT -> world.a().professional().accountId();
                    case TERRITORY -> world.territoryId();
                    case TOKEN -> "A".repeat(43);
                    case THEME, QUESTION, VERSION -> ConsoleEndpoints.sameForEveryone(kind);
                });
                Set<Caller> allowed = AccessPolicy.allowed(path).orElse(null);
                if (allowed == null) {
                    wrong.add(endpoint + ": no access rule in AccessPolicy");
                    continue;
                }
                ConsoleUser signedIn = switch (caller) {
                    case ANONYMOUS -> null;
                    case PROFESSIONAL -> world.a().professional();
                    case ANIMATEUR -> world.animateur();
                    case ADMINISTRATOR -> admin;
                };
                MockHttpServletRequestBuilder call = request(endpoint.method(), path).with(csrf());
                if (signedIn != null) {
                    call = call.with(user(signedIn));
                }
                MockHttpServletResponse response = mvc.perform(call).andReturn().getResponse();
                String problem = allowed.contains(caller)
                        ? admitted(response, takesMadeUpValue(endpoint.pattern()))
                        : refused(response, caller);
                if (problem != null) {
                    wrong.add(endpoint + " as " + caller + " (" + path + "): " + problem);
                }
            }
        }
        assertThat(wrong).as("endpoints answering a role against the policy").isEmpty();
        // the registry was read: pages of every role are among those checked
        assertThat(endpoints).extracting(Endpoint::pattern).contains("/console", "/console/demandes/{id}",
                "/console/animation/tableau-de-bord", "/console/admin/territoires", "/console/admin/organisations",
                "/console/admin/comptes");
    }

    /** True when a path variable of the pattern is a token or outbox id, for which the world holds no real value. */
    private static boolean takesMadeUpValue(String pattern) {
        boolean[] token = {false};
        ConsoleEndpoints.fill(pattern, kind -> {
            token[0] |= kind == Kind.TOKEN || kind == Kind.VERSION;
            return "x";
        });
        return token[0];
    }

    /** Null when the answer lets the caller in (whatever the page then says about the input). */
    private static String admitted(MockHttpServletResponse response, boolean madeUpId) {
        int status = response.getStatus();
        if (status == 403) {
            return "refused (403) though allowed";
        }
        if (status == 404 && !madeUpId) {
            return "not found (404) though allowed, with an id of their own";
        }
        if (isSignInRedirect(response)) {
            return "sent to sign in though allowed";
        }
        if (status >= 500) {
            return "server error " + status;
        }
        return null;
    }

    private static String refused(MockHttpServletResponse response, Caller caller) {
        int status = response.getStatus();
        if (caller == Caller.ANONYMOUS) {
            return isSignInRedirect(response) ? null : "answered " + status + " to an anonymous caller";
        }
        return status == 403 || status == 404 ? null : "answered " + status + " though not allowed";
    }

    private static boolean isSignInRedirect(MockHttpServletResponse response) {
        String location = response.getRedirectedUrl();
        return response.getStatus() == 302 && location != null && location.endsWith("/console/login");
    }
}
