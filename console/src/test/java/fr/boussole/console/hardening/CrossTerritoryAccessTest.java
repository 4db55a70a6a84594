package fr.boussole.console.hardening;

import fr.boussole.console.security.ConsoleUser;
import fr.boussole.console.support.ConsoleEndpoints;
import fr.boussole.console.support.ConsoleEndpoints.Endpoint;
import fr.boussole.console.support.ConsoleEndpoints.Kind;
import fr.boussole.console.support.ConsoleIntegrationTest;
import fr.boussole.console.support.Fixtures;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * IDOR tries: every console endpoint of the registry that takes an id, called by the animateur and a
 * professional of one territory with the ids of another territory's request, offer, organisation, account
 * and territory (and, for the professional, with those of another organisation of their own territory).
 * Each must answer 403 or 404 and change nothing of what it names.
 */
class CrossTerritoryAccessTest extends ConsoleIntegrationTest {

    private static final Set<Kind> OBJECTS = EnumSet.of(Kind.REQUEST, Kind.OFFER, Kind.ORGANISATION, Kind.ACCOUNT,
            Kind.TERRITORY, Kind.HANDOVER);
    private static final List<String> COLLECTIONS = List.of("territories", "organisations", "offers", "accounts",
            "contactRequests", "handovers");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    MongoTemplate mongo;

    /** Fails when a user of one territory reads or changes anything of another through an id in a URL. */
    @Test
    void no_endpoint_lets_a_user_reach_another_territory_by_id() throws Exception {
        var mine = fixtures.world();
        var theirs = fixtures.world();
        String theirRequest = fixtures.request(theirs, theirs.a(), clock.instant());
        String peerRequest = fixtures.request(mine, mine.b(), clock.instant());
        String theirHandover = fixtures.handover(theirs, clock.instant());
        Function<Kind, String> theirIds = kind -> switch (kind) {
            case HANDOVER -> theirHandover;
            case REQUEST -> theirRequest;
            case OFFER -> theirs.a().offerId();
            case ORGANISATION -> theirs.a().id();
            case ACCOUNT -> theirs.a().professional().accountId();
            case TERRITORY -> theirs.territoryId();
            case TOKEN -> "x";
            case THEME, QUESTION, VERSION -> ConsoleEndpoints.sameForEveryone(kind);
        };
        Function<Kind, String> peerIds = kind -> switch (kind) {
            case HANDOVER -> theirHandover;
            case REQUEST -> peerRequest;
            case OFFER -> mine.b().offerId();
            case ORGANISATION -> mine.b().id();
            case ACCOUNT -> mine.b().professional().accountId();
            case TERRITORY -> mine.territoryId();
            case TOKEN -> "x";
            case THEME, QUESTION, VERSION -> ConsoleEndpoints.sameForEveryone(kind);
        };
        Map<String, Document> before = snapshot(theirs, theirRequest, mine.b(), peerRequest, theirHandover);

        List<String> leaks = new ArrayList<>();
        int tries = 0;
        for (Endpoint endpoint : ConsoleEndpoints.all(mappings)) {
            if (!takesAnObjectId(endpoint.pattern())) {
                continue;
            }
            Map<String, ConsoleUser> callers = new LinkedHashMap<>();
            callers.put("animateur of another territory", mine.animateur());
            callers.put("professional of another territory", mine.a().professional());
            for (var caller : callers.entrySet()) {
                tries++;
                String problem = refusal(endpoint, ConsoleEndpoints.fill(endpoint.pattern(), theirIds), caller.getValue());
                if (problem != null) {
                    leaks.add(endpoint + " as " + caller.getKey() + ": " + problem);
                }
            }
            // within one territory, a professional reaches nothing of another organisation (the territory itself
            // is shared, so a territory id is no IDOR there)
            if (!endpoint.pattern().contains("territoires/")) {
                tries++;
                String problem = refusal(endpoint, ConsoleEndpoints.fill(endpoint.pattern(), peerIds), mine.a().professional());
                if (problem != null) {
                    leaks.add(endpoint + " as professional of another organisation: " + problem);
                }
            }
        }
        assertThat(leaks).as("endpoints reaching another territory's or organisation's objects").isEmpty();
        assertThat(tries).as("IDOR tries made").isGreaterThan(10);
        assertThat(snapshot(theirs, theirRequest, mine.b(), peerRequest, theirHandover)).as("their objects, after all the tries")
                .isEqualTo(before);
    }

    private String refusal(Endpoint endpoint, String path, ConsoleUser caller) throws Exception {
        int status = mvc.perform(request(endpoint.method(), path).with(user(caller)).with(csrf())).andReturn()
                .getResponse().getStatus();
        return status == 403 || status == 404 ? null : path + " answered " + status;
    }

    private static boolean takesAnObjectId(String pattern) {
        boolean[] object = {false};
        ConsoleEndpoints.fill(pattern, kind -> {
            object[0] |= OBJECTS.contains(kind);
            return "x";
        });
        return object[0];
    }

    /** The stored documents of the other territory's objects and of the peer organisation's, by collection and id. */
    private Map<String, Document> snapshot(Fixtures.World theirs, String theirRequest, Fixtures.Org peer, String peerRequest,
                                           String theirHandover) {
        List<String> ids = List.of(theirs.territoryId(), theirs.a().id(), theirs.b().id(), theirs.a().offerId(),
                theirs.b().offerId(), theirs.a().professional().accountId(), theirs.b().professional().accountId(),
                theirs.animateur().accountId(), theirRequest, peer.id(), peer.offerId(), peer.professional().accountId(),
                peerRequest, theirHandover);
        Map<String, Document> documents = new LinkedHashMap<>();
        for (String collection : COLLECTIONS) {
            for (Document d : mongo.getCollection(collection).find(new Document("_id", new Document("$in", ids)))) {
                documents.put(collection + "/" + d.get("_id"), d);
            }
        }
        assertThat(documents).as("the snapshot holds the objects").hasSizeGreaterThanOrEqualTo(ids.size());
        return documents;
    }
}
