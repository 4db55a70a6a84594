package fr.boussole.app.outbox;

import fr.boussole.pipeline.outbox.OutboxStatus;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import fr.boussole.app.testing.ConsoleBrowser;
import fr.boussole.core.message.ConversationKey;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One young person's replies fail at Twilio again and again: each is dead-lettered after exactly the
 * configured attempts, the metrics show it, the conversation goes on meanwhile, and the demo animateur
 * retries them from the console once Twilio is back: they are then sent, once each, as late messages.
 *
 * <p>Fails when: an entry dies before or after {@code delivery-attempts} sends (counted at WireMock);
 * the dead-letter counter or gauge does not move; a dead head holds back the conversation's later
 * replies; the console page shows the phone number or a message text, or lacks the masked number; the
 * retry (a real form post with the page's CSRF token, signed in as the demo animateur) does not put the
 * entry back, or sends a reply twice or out of the order of the retries.
 */
class DeadLetterRetryIT extends FlakyProviders {

    static final String DORA = "+33612000901";
    static final String MASKED = "+33 6 •• •• •• 01";
    static final String PAGE = "/console/animation/envois-en-echec";

    StubMapping failing;

    @AfterEach
    void twilioBack() {
        if (failing != null) {
            PROVIDERS.removeStub(failing);
        }
    }

    @Test
    void a_dead_letter_is_reached_after_the_configured_attempts_and_retried_from_the_console() throws Exception {
        ConversationKey dora = smsConversation(DORA);
        double deadBefore = metric("boussole_outbox_dead_lettered_total", "channel=\"sms\"");
        failing = PROVIDERS.stubFor(post(urlPathEqualTo(MESSAGES)).withRequestBody(containing("To=" + URLEncoder.encode(DORA, StandardCharsets.UTF_8)))
                .atPriority(1).willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":20503,\"message\":\"Service Unavailable\",\"status\":503}")));

        sms(DORA, "bonjour");
        awaitSettled(dora, 1);
        List<Document> dead = entries(dora);
        assertThat(dead).hasSizeGreaterThanOrEqualTo(2).allSatisfy(e -> {
            assertThat(e.getString("status")).isEqualTo(OutboxStatus.DEAD.name());
            assertThat(e.getInteger("attempts")).isEqualTo(ATTEMPTS);
            assertThat(sendsTo(DORA).stream().filter(s -> textsOf(e).contains(s.text())).count())
                    .as("sends of one dead-lettered reply seen by Twilio").isEqualTo(ATTEMPTS);
        });
        assertThat(metric("boussole_outbox_dead_lettered_total", "channel=\"sms\"")).isEqualTo(deadBefore + dead.size());
        assertThat(metric("boussole_outbox_entries", "status=\"dead\"")).isGreaterThanOrEqualTo(dead.size());

        // Twilio is back; the conversation goes on: its dead head does not hold back what comes next
        PROVIDERS.removeStub(failing);
        failing = null;
        sms(DORA, "20");
        awaitSettled(dora, 2);
        List<Document> later = entries(dora).stream().filter(e -> !dead.stream().map(d -> d.get("_id")).toList().contains(e.get("_id"))).toList();
        assertThat(later).isNotEmpty().allSatisfy(e -> assertThat(e.getString("status")).isEqualTo(OutboxStatus.SENT.name()));

        ConsoleBrowser animateur = ConsoleBrowser.signedIn(port, "animatrice@boussole-lot.example.org");
        String page = animateur.get(PAGE).body();
        assertThat(page).contains(MASKED).doesNotContain(DORA).doesNotContain("effacer").contains("Relancer");
        dead.forEach(e -> assertThat(page).contains("data-id=\"" + e.getString("_id") + "\""));
        for (Document entry : dead) { // oldest first, as the conversation had them
            HttpResponse<String> retried = animateur.post(PAGE + "/" + entry.getString("_id") + "/relance", Map.of("_csrf", ConsoleBrowser.csrf(page)));
            assertThat(retried.statusCode()).isEqualTo(200);
            assertThat(retried.uri().getQuery()).isEqualTo("relancee");
        }
        assertThat(animateur.post(PAGE + "/" + dead.getFirst().getString("_id") + "/relance", Map.of("_csrf", ConsoleBrowser.csrf(page))).uri().getQuery())
                .as("a second retry of the same entry").isIn("introuvable");

        awaitSettled(dora, 2);
        assertThat(entries(dora)).allSatisfy(e -> assertThat(e.getString("status")).isEqualTo(OutboxStatus.SENT.name()));
        List<String> expected = Stream.concat(later.stream(), dead.stream()).flatMap(e -> textsOf(e).stream()).toList();
        assertThat(sendsTo(DORA).stream().filter(Send::accepted).map(Send::text).toList())
                .as("accepted by Twilio: the later reply at once, then the retried dead letters, each once")
                .containsExactlyElementsOf(expected);
        assertThat(entries(dora).stream().filter(e -> dead.stream().anyMatch(d -> d.get("_id").equals(e.get("_id")))))
                .allSatisfy(e -> assertThat(e.getInteger("attempts")).as("attempts counted again from zero").isEqualTo(1));
        assertThat(metric("boussole_outbox_dead_letter_retries_total", "channel=\"sms\"")).isGreaterThanOrEqualTo(dead.size());
        assertThat(metric("boussole_outbox_entries", "status=\"dead\"")).isZero();
        assertThat(animateur.get(PAGE).body()).doesNotContain(MASKED);
    }
}
