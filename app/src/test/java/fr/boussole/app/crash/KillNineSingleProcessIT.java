package fr.boussole.app.crash;

import fr.boussole.testing.TwilioForms;
import com.github.tomakehurst.wiremock.WireMockServer;
import fr.boussole.app.journey.TwilioSender;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Durable before acknowledged on the DEFAULT setup (command 1's): one process holding the embedded
 * store itself. SMS webhooks arrive in parallel, each from its own young person; the process is
 * killed with SIGKILL right after the last answer, then started again on the same data directory.
 * Every message Twilio got a 200 for must then be answered (a reply sent to that number), whether
 * before the kill or after the restart. Fails when the store acknowledges writes it has not yet put
 * in its file (mongo-java-server's MVStore commits about once a second in the background).
 */
class KillNineSingleProcessIT {

    private static final int MESSAGES = 40;
    private static final String ACCOUNT_SID = "AC0000000000000000000000000000dead";
    private static final String AUTH_TOKEN = "kill-nine-auth-token-0123456789ab";
    private static final String MESSAGES_PATH = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";
    // a bound on a child JVM's start on a loaded machine, not a figure
    private static final Duration STARTUP = Duration.ofSeconds(600);
    private static final Duration ANSWERED_WITHIN = Duration.ofSeconds(120);
    private static final Path WORK = Path.of("target", "kill9-single-process");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static WireMockServer twilio;
    private static ChildApp app;
    private static ChildApp restarted;

    @BeforeAll
    static void providers() throws IOException {
        deleteRecursively(WORK);
        Files.createDirectories(WORK);
        twilio = new WireMockServer(options().dynamicPort());
        twilio.start();
        twilio.stubFor(post(urlPathEqualTo(MESSAGES_PATH)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody(fixture("journey/twilio-message-created.json"))
                .withTransformers("response-template")));
    }

    @AfterAll
    static void stop() {
        for (ChildApp child : new ChildApp[]{app, restarted}) {
            if (child != null) {
                child.stop();
            }
        }
        if (twilio != null) {
            twilio.stop();
        }
    }

    @Test
    void every_message_acknowledged_before_a_kill_nine_is_answered_after_the_restart() throws Exception {
        int port = ChildApp.freePort();
        app = start(port);
        app.awaitHealthy(HTTP, STARTUP);

        Map<String, Integer> statusByPhone = sendInParallel(port);
        app.killNine();

        Set<String> acknowledged = statusByPhone.entrySet().stream().filter(e -> e.getValue() == 200)
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        assertThat(acknowledged).as("webhooks answered 200 before the kill (statuses: %s)", statusByPhone).isNotEmpty();

        restarted = start(port);
        restarted.awaitHealthy(HTTP, STARTUP);
        long deadline = System.nanoTime() + ANSWERED_WITHIN.toNanos();
        Set<String> unanswered = unanswered(acknowledged);
        while (!unanswered.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(250);
            unanswered = unanswered(acknowledged);
        }
        System.out.printf("KillNineSingleProcessIT: %d of %d webhooks answered 200 before the kill -9, %d of them unanswered"
                + " after the restart%n", acknowledged.size(), MESSAGES, unanswered.size());
        assertThat(unanswered).as("young people whose message got a 200 but never an answer (of %d acknowledged; logs in %s)",
                acknowledged.size(), WORK).isEmpty();
    }

    private static ChildApp start(int port) throws IOException {
        // no MONGODB_URI: the embedded store lives and dies with the process; the same name keeps its data directory
        return ChildApp.start("embedded", null, true, WORK, port, List.of(), Map.of(
                "PUBLIC_BASE_URL", "http://127.0.0.1:" + port,
                "TWILIO_ACCOUNT_SID", ACCOUNT_SID,
                "TWILIO_AUTH_TOKEN", AUTH_TOKEN,
                "TWILIO_SMS_FROM", "+33757000000",
                "TWILIO_API_BASE_URL", twilio.baseUrl(),
                "BOUSSOLE_CHANNELS_TWILIO_SENDS_PER_SECOND", "100"));
    }

    /** The webhooks all at once, each from its own phone; the HTTP status each got (0: no answer). */
    private static Map<String, Integer> sendInParallel(int port) {
        String url = "http://127.0.0.1:" + port + "/webhooks/twilio";
        Map<String, CompletableFuture<Integer>> pending = new LinkedHashMap<>();
        IntStream.range(0, MESSAGES).forEach(i -> {
            String phone = "+336%08d".formatted(40_000_000 + i);
            Map<String, String> form = new LinkedHashMap<>();
            form.put("MessageSid", "SMdead%028d".formatted(i));
            form.put("AccountSid", ACCOUNT_SID);
            form.put("From", phone);
            form.put("To", "+33757000000");
            form.put("Body", "bonjour");
            form.put("NumMedia", "0");
            HttpRequest request = TwilioForms.signedPost(URI.create(url), url, AUTH_TOKEN, form).timeout(Duration.ofSeconds(30)).build();
            pending.put(phone, HTTP.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .thenApply(HttpResponse::statusCode).exceptionally(failed -> 0));
        });
        Map<String, Integer> statuses = new LinkedHashMap<>();
        pending.forEach((phone, status) -> statuses.put(phone, status.join()));
        return statuses;
    }

    private static Set<String> unanswered(Set<String> phones) {
        Set<String> answered = twilio.findAll(postRequestedFor(urlPathEqualTo(MESSAGES_PATH))).stream()
                .map(request -> TwilioForms.decode(request.getBodyAsString()).get("To")).collect(Collectors.toSet());
        return phones.stream().filter(phone -> !answered.contains(phone)).collect(Collectors.toSet());
    }

    private static String fixture(String resource) throws IOException {
        try (var in = KillNineSingleProcessIT.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
