package fr.boussole.app.crash;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import fr.boussole.app.embedded.EmbeddedStore;
import fr.boussole.testing.TwilioForms;
import org.bson.Document;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default setup (command 1: the embedded store inside the app's process) killed while it holds a
 * conversation's lease and an outbox claim, then started again on the same data directory: the next
 * message of that conversation is answered in its web chat answer, and the reply whose provider call the
 * kill cut is sent again, both without waiting for the dead process's lease to run out.
 * <p>
 * The claim is taken for real: Twilio (WireMock) holds the call when the process is killed. The lease is
 * written as the dead process would have left it, had it been killed in the middle of the turn (a lease
 * is written without waiting for durability, so it is in the file or not depending on the commit that
 * follows it): between the kill and the restart, the test opens the store's file itself and marks the
 * conversation's lease held by a dead worker until the end of its term. The lease is ten minutes long:
 * on the code before the fix the message waits for it (the web chat answers 504 after its 10 s wait, the
 * reply arrives later through {@code /news}) and the SMS goes again only when the claim runs out.
 */
class RestartAfterKillNineIT {

    private static final String ACCOUNT_SID = "AC0000000000000000000000000000beef";
    private static final String AUTH_TOKEN = "restart-nine-auth-token-0123456789";
    private static final String MESSAGES_PATH = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";
    private static final String PHONE = "+33612340000";
    private static final Duration LEASE = Duration.ofMinutes(10);
    // a bound on a child JVM's start on a loaded machine, not a figure
    private static final Duration STARTUP = Duration.ofSeconds(600);
    /** Well within the lease: only a freed claim is sent again before this. */
    private static final Duration RESENT_WITHIN = Duration.ofSeconds(120);
    private static final Path WORK = Path.of("target", "kill9-restart");
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
    void after_a_kill_nine_the_next_message_is_answered_without_waiting_for_the_dead_process_leases() throws Exception {
        int port = ChildApp.freePort();
        app = start(port);
        app.awaitHealthy(HTTP, STARTUP);
        String session = "restart-" + Long.toString(System.nanoTime(), 36);
        HttpResponse<String> first = chat(port, session, "m1", "bonjour");
        assertThat(first.statusCode()).as("the first message, before the kill: %s", first.body()).isEqualTo(200);

        // Twilio takes the reply's call and holds it: the process is killed while its claim runs
        twilio.stubFor(post(urlPathEqualTo(MESSAGES_PATH)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(fixture("journey/twilio-message-created.json"))
                .withTransformers("response-template").withFixedDelay(60_000)));
        assertThat(sms(port, "bonjour")).as("the SMS webhook").isEqualTo(200);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (sendsTo(PHONE) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(sendsTo(PHONE)).as("the SMS reply in Twilio's hands before the kill").isEqualTo(1);
        String cut = textsTo(PHONE).getFirst();
        app.killNine();
        Instant killedAt = Instant.now();

        List<String> held = leaveLeaseHeld(killedAt);
        twilio.resetAll();
        twilio.stubFor(post(urlPathEqualTo(MESSAGES_PATH)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(fixture("journey/twilio-message-created.json"))
                .withTransformers("response-template")));

        restarted = start(port);
        restarted.awaitHealthy(HTTP, STARTUP);
        long posted = System.nanoTime();
        HttpResponse<String> next = chat(port, session, "m2", "19");
        long answeredMillis = (System.nanoTime() - posted) / 1_000_000;
        long resendDeadline = System.nanoTime() + RESENT_WITHIN.toNanos();
        while (!textsTo(PHONE).contains(cut) && System.nanoTime() < resendDeadline) {
            Thread.sleep(100);
        }
        System.out.printf("RestartAfterKillNineIT: %d lease(s) left held by the dead process (%s); next web chat message"
                        + " after the restart answered %d in %d ms; the cut SMS reply sent again: %s%n",
                held.size(), held, next.statusCode(), answeredMillis, textsTo(PHONE).contains(cut));

        assertThat(next.statusCode()).as("the next message's web chat answer (504: it waited for the dead process's lease;"
                + " logs in %s): %s", WORK, next.body()).isEqualTo(200);
        List<Document> replies = Document.parse(next.body()).getList("replies", Document.class);
        assertThat(replies).as("the replies in the answer").isNotEmpty();
        assertThat(textsTo(PHONE)).as("the SMS reply whose call the kill cut, sent again within %s (its claim runs %s)",
                RESENT_WITHIN, LEASE).contains(cut);
    }

    /**
     * With the process dead, its file is free: opened here, every conversation lease is marked as a worker
     * of the dead process left it in the middle of a turn (a compare-and-set taken, until the end of its term).
     *
     * @return the leases so marked
     */
    private static List<String> leaveLeaseHeld(Instant killedAt) {
        EmbeddedStore store = EmbeddedStore.open(WORK.resolve("embedded-data"));
        List<String> marked = new ArrayList<>();
        try (MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> leases = client.getDatabase("boussole").getCollection("leases");
            for (Document lease : leases.find().into(new ArrayList<>())) {
                String name = lease.getString("_id");
                long generation = ((Number) lease.get("generation")).longValue();
                leases.updateOne(Filters.eq("cas", name + "#" + generation), Updates.combine(
                        Updates.set("owner", "instance_dead-1"), Updates.set("until", Date.from(killedAt.plus(LEASE))),
                        Updates.set("generation", generation + 1), Updates.set("cas", name + "#" + (generation + 1))));
                marked.add(name.substring(0, name.indexOf(':') + 1) + "…");
            }
        } finally {
            store.destroy();
        }
        return marked;
    }

    private static ChildApp start(int port) throws IOException {
        return ChildApp.start("embedded", null, true, WORK, port, List.of("--boussole.pipeline.lease=" + LEASE.toMinutes() + "m"),
                Map.of("PUBLIC_BASE_URL", "http://127.0.0.1:" + port,
                        "TWILIO_ACCOUNT_SID", ACCOUNT_SID,
                        "TWILIO_AUTH_TOKEN", AUTH_TOKEN,
                        "TWILIO_SMS_FROM", "+33757000000",
                        "TWILIO_API_BASE_URL", twilio.baseUrl(),
                        "BOUSSOLE_CHANNELS_TWILIO_SENDS_PER_SECOND", "100"));
    }

    /** One web chat message as the page sends it; the answer carries the replies, or 504 once the wait ran out. */
    private static HttpResponse<String> chat(int port, String session, String messageId, String text)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/chat/" + session + "/messages"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("X-Message-Id", messageId)
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + text + "\"}"))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static int sms(int port, String text) throws IOException, InterruptedException {
        String url = "http://127.0.0.1:" + port + "/webhooks/twilio";
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", "SMbeef%028d".formatted(1));
        form.put("AccountSid", ACCOUNT_SID);
        form.put("From", PHONE);
        form.put("To", "+33757000000");
        form.put("Body", text);
        form.put("NumMedia", "0");
        HttpRequest request = TwilioForms.signedPost(URI.create(url), url, AUTH_TOKEN, form).timeout(Duration.ofSeconds(30)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int sendsTo(String phone) {
        return textsTo(phone).size();
    }

    /** The texts sent to Twilio for this phone, in the order Twilio got them. */
    private static List<String> textsTo(String phone) {
        List<String> texts = new ArrayList<>(twilio.findAll(postRequestedFor(urlPathEqualTo(MESSAGES_PATH))).stream()
                .map(request -> TwilioForms.decode(request.getBodyAsString()))
                .filter(form -> phone.equals(form.get("To"))).map(form -> form.get("Body")).toList());
        return texts;
    }

    private static String fixture(String resource) throws IOException {
        try (var in = RestartAfterKillNineIT.class.getClassLoader().getResourceAsStream(resource)) {
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
