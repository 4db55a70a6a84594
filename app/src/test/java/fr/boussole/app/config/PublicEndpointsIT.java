package fr.boussole.app.config;

import de.bwaldvogel.mongo.MongoServer;
import fr.boussole.pipeline.inbound.InboundMessages;
import fr.boussole.app.testing.ChatClient;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.app.testing.Instances;
import fr.boussole.app.testing.TestKeys;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the endpoints open to the internet answer to strangers, over real HTTP on the whole application
 * (with the test engine): the metrics only to the scraper holding the token; the web chat only so many
 * messages per session and per client address (each test writes from its own loopback address).
 */
class PublicEndpointsIT {

    static MongoServer store;
    static ConfigurableApplicationContext app;
    static ChatClient http;

    @BeforeAll
    static void start() {
        store = Instances.memoryStore();
        // small limits over a day-long window, so that no test straddles two windows
        app = Instances.start("spring.mongodb.uri=" + Instances.uri(store), "boussole.channels.web-chat.messages-per-session=5",
                "boussole.channels.web-chat.messages-per-address=12", "boussole.channels.web-chat.limit-window=1d");
        http = new ChatClient(((WebServerApplicationContext) app).getWebServer().getPort());
    }

    @AfterAll
    static void stop() {
        app.close();
        store.shutdownNow();
    }

    /** Fails if anyone may read the metrics (they were public) or if the scraper's token does not open them. */
    @Test
    void metrics_answer_the_scraper_holding_the_token_and_nobody_else() {
        HttpResponse<String> anonymous = http.get("/actuator/prometheus", "text/plain");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(anonymous.body()).doesNotContain("boussole_");
        assertThat(http.get("/actuator/prometheus", "text/plain", "Bearer not-the-token-0123456789abcdef0123").statusCode())
                .isEqualTo(401);
        assertThat(http.get("/actuator/prometheus/", "text/plain").statusCode()).isNotEqualTo(200);

        HttpResponse<String> scraper = http.get("/actuator/prometheus", "text/plain", TestKeys.metricsAuthorization());
        assertThat(scraper.statusCode()).isEqualTo(200);
        assertThat(scraper.body()).contains("boussole_outbox_entries");
        assertThat(http.get("/actuator/health", "application/json").statusCode()).as("health stays open").isEqualTo(200);
    }

    /**
     * Fails if one session may post without limit (120 simultaneous messages of one session were all
     * accepted), if a refusal lacks its Retry-After, or if a refused message is recorded.
     */
    @Test
    void one_session_sending_too_many_messages_at_once_gets_429_with_retry_after_and_nothing_recorded() throws Exception {
        HttpClient client = from("127.0.0.3");
        String session = "limits-one-session-0001";
        List<HttpResponse<String>> answers = simultaneously(20, i -> post(client, session, "message " + i));

        assertThat(answers).filteredOn(r -> r.statusCode() == 200).hasSize(5);
        List<HttpResponse<String>> refused = answers.stream().filter(r -> r.statusCode() != 200).toList();
        assertThat(refused).hasSize(15).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(429);
            long retryAfter = Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
            assertThat(retryAfter).isBetween(1L, Duration.ofDays(1).toSeconds());
            assertThat(r.body()).contains("\"error\":\"too-many\"");
        });
        assertThat(app.getBean(InboundMessages.class).all(new ConversationKey(Channel.WEB, session))).hasSize(5);
        assertThat(post(client, "limits-another-session-01", "bonjour").statusCode()).as("another session").isEqualTo(200);
    }

    /** Fails if one address may open sessions without end to get round the per-session limit. */
    @Test
    void one_address_spreading_messages_over_many_sessions_gets_429_after_its_limit() throws Exception {
        HttpClient client = from("127.0.0.4");
        for (int i = 0; i < 12; i++) {
            assertThat(post(client, "limits-address-session-" + (100 + i), "bonjour").statusCode()).isEqualTo(200);
        }
        HttpResponse<String> refused = post(client, "limits-address-session-999", "bonjour");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(post(from("127.0.0.5"), "limits-address-session-998", "bonjour").statusCode()).as("another address")
                .isEqualTo(200);
    }

    /**
     * Spring Security's observations (one per filter of the chain, before and after, plus the authorisation's: a
     * timer and a long-task timer each) cost the web chat CPU for nothing (issue 12, BENCHMARKS.md). Fails if a
     * web chat message or page still starts one; the HTTP request's own timer stays.
     */
    @Test
    void the_web_chat_runs_its_security_filters_without_observing_each_one() throws Exception {
        assertThat(post(from("127.0.0.6"), "observations-session-0001", "bonjour").statusCode()).isEqualTo(200);
        assertThat(http.get("/chat", "text/html").statusCode()).isEqualTo(200);
        MeterRegistry meters = app.getBean(MeterRegistry.class);
        assertThat(meters.find("http.server.requests").timers()).as("the request timer").isNotEmpty();
        assertThat(meters.getMeters()).extracting(meter -> meter.getId().getName())
                .noneMatch(name -> name.startsWith("spring.security.filterchains") || name.startsWith("spring.security.authorizations"));
    }

    private static HttpClient from(String loopback) throws Exception {
        return HttpClient.newBuilder().localAddress(InetAddress.getByName(loopback)).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static HttpResponse<String> post(HttpClient client, String session, String text) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + "/api/chat/" + session + "/messages"))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + text + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<HttpResponse<String>> simultaneously(int count, IntFunction<HttpResponse<String>> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.apply(n);
                }));
            }
            start.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> future : futures) {
                answers.add(future.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static int port() {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }
}
