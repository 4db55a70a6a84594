package fr.boussole.app.outbox;

import fr.boussole.pipeline.outbox.MongoOutbox;
import fr.boussole.pipeline.outbox.OutboxStatus;
import fr.boussole.pipeline.outbox.StoredPayloads;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fr.boussole.app.BoussoleApplication;
import fr.boussole.pipeline.inbound.InboundMessages;
import fr.boussole.pipeline.inbound.InboundStatus;
import fr.boussole.channels.sms.SmsRenderer;
import fr.boussole.core.delivery.DeliveryPayload;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The whole application (real engine, pipeline, outbox, Twilio SMS and Telegram deliverers) with
 * WireMock as Twilio and Telegram, whose answers each test turns bad and good again, and the outbox's
 * backoff compressed (50 ms doubling up to 250 ms, 32 attempts, requests cut after 500 ms) so that an
 * outage of several phases passes in seconds. Tests extending it share one application and one
 * WireMock: each uses its own phone numbers and chats, and sets the providers' answers it needs.
 *
 * <p>The dynamic properties below reach the environment only after the application's start-up check
 * has looked for a store URI, found none, and opened the embedded store in {@code boussole.data-dir}
 * (then unused: the URI below wins). So that store gets a directory of its own: the default {@code ./data}
 * is held by the journeys' context, cached in the same JVM.
 */
@SpringBootTest(classes = BoussoleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "boussole.data-dir=target/flaky-providers-store")
abstract class FlakyProviders {

    static final String ACCOUNT_SID = "AC00000000000000000000000000000da0";
    static final String AUTH_TOKEN = "outage-auth-token-0123456789abcdef";
    static final String SMS_FROM = "+33757000099";
    static final String BOT_TOKEN = "987654321:AAoutageTokenForTheBoussoleBot";
    static final String TELEGRAM_SECRET = "outage-webhook_secret";
    static final String PUBLIC_BASE_URL = "https://boussole.example.org";
    static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";
    static final String SEND = "(?i)/bot[^/]+/sendmessage";
    /**
     * Retries come back exactly when due (every 250 ms at most), so a phase that lasts 4 s on a loaded
     * machine uses 16 of them: enough room for every phase of {@code ProviderOutageIT} on a slow run.
     */
    static final int ATTEMPTS = 32;
    static final Duration REQUEST_TIMEOUT = Duration.ofMillis(500);
    static final Duration WAIT = Duration.ofSeconds(40);
    static final ObjectMapper JSON = new ObjectMapper();
    static final AtomicInteger IDS = new AtomicInteger();

    /** Enough threads for requests held by a silent provider long after the client gave up on them. */
    static final WireMockServer PROVIDERS = new WireMockServer(options().dynamicPort().containerThreads(60));
    static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    /** The stubs of the answer in force. */
    private static final List<com.github.tomakehurst.wiremock.stubbing.StubMapping> CURRENT = new ArrayList<>();
    static final InetSocketAddress MONGO_ADDRESS;

    static {
        MONGO_ADDRESS = MONGO.bind();
        PROVIDERS.start();
        providersAnswer(Answer.OK);
        warmUp();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            PROVIDERS.stop();
            MONGO.shutdownNow();
        }));
    }

    /**
     * WireMock's response templating takes a second or so to start on its first use, longer than the
     * clients' timeout here: a success answered that late is one the outbox rightly sends again (the
     * at-least-once window, docs/outbox.md), and the exact count below would see it twice. So it starts first.
     */
    private static void warmUp() {
        try (HttpClient client = HttpClient.newHttpClient()) {
            client.send(HttpRequest.newBuilder(URI.create(PROVIDERS.baseUrl() + MESSAGES))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("To=warm-up")).build(), HttpResponse.BodyHandlers.discarding());
            client.send(HttpRequest.newBuilder(URI.create(PROVIDERS.baseUrl() + "/botwarm-up/sendMessage"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"chat_id\":\"0\"}")).build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> "mongodb://" + MONGO_ADDRESS.getHostString() + ":" + MONGO_ADDRESS.getPort() + "/boussole");
        registry.add("boussole.store.demo.enabled", () -> "true");
        registry.add("boussole.public-base-url", () -> PUBLIC_BASE_URL);
        registry.add("boussole.channels.twilio.account-sid", () -> ACCOUNT_SID);
        registry.add("boussole.channels.twilio.auth-token", () -> AUTH_TOKEN);
        registry.add("boussole.channels.twilio.sms-from", () -> SMS_FROM);
        registry.add("boussole.channels.twilio.api-base-url", PROVIDERS::baseUrl);
        registry.add("boussole.channels.twilio.request-timeout", REQUEST_TIMEOUT::toString);
        registry.add("boussole.channels.twilio.sends-per-second", () -> "100");
        registry.add("boussole.channels.telegram.bot-token", () -> BOT_TOKEN);
        registry.add("boussole.channels.telegram.webhook-secret", () -> TELEGRAM_SECRET);
        registry.add("boussole.channels.telegram.api-base-url", PROVIDERS::baseUrl);
        registry.add("boussole.channels.telegram.request-timeout", REQUEST_TIMEOUT::toString);
        registry.add("boussole.channels.telegram.messages-per-chat-per-second", () -> "100");
        registry.add("boussole.channels.telegram.messages-per-second", () -> "100");
        registry.add("boussole.pipeline.poll-interval", () -> "200ms");
        registry.add("boussole.pipeline.lease", () -> "5s");
        registry.add("boussole.pipeline.delivery-attempts", () -> Integer.toString(ATTEMPTS));
        registry.add("boussole.pipeline.delivery-backoff", () -> "50ms");
        registry.add("boussole.pipeline.max-backoff", () -> "250ms");
        registry.add("spring.main.banner-mode", () -> "off");
    }

    /** What Twilio and Telegram answer to a send. */
    enum Answer {
        OK, SERVER_ERROR, TOO_MANY_REQUESTS, SILENCE, RESET;

        ResponseDefinitionBuilder twilio() {
            return switch (this) {
                case OK -> json(201, "{\"sid\":\"SM{{randomValue length=32 type='HEXADECIMAL' lowercase=true}}\",\"status\":\"queued\"}")
                        .withTransformers("response-template");
                case SERVER_ERROR -> json(500, "{\"code\":20500,\"message\":\"Internal Server Error\",\"status\":500}");
                case TOO_MANY_REQUESTS -> json(429, "{\"code\":20429,\"message\":\"Too Many Requests\",\"status\":429}")
                        .withHeader("Retry-After", Long.toString(RETRY_AFTER.toSeconds()));
                case SILENCE -> silence();
                case RESET -> aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER);
            };
        }

        ResponseDefinitionBuilder telegram() {
            return switch (this) {
                case OK -> json(200, "{\"ok\":true,\"result\":{\"message_id\":{{randomInt lower=1 upper=999999}},\"chat\":{\"id\":1,\"type\":\"private\"},"
                        + "\"date\":1795428100,\"text\":\"-\"}}").withTransformers("response-template");
                case SERVER_ERROR -> json(502, "{\"ok\":false,\"error_code\":502,\"description\":\"Bad Gateway\"}");
                case TOO_MANY_REQUESTS -> json(429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after "
                        + RETRY_AFTER.toSeconds() + "\",\"parameters\":{\"retry_after\":" + RETRY_AFTER.toSeconds() + "}}");
                case SILENCE -> silence();
                case RESET -> aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER);
            };
        }

        /**
         * Nothing for 20 s, far beyond the clients' 500 ms, then an error (so that a send the client gave
         * up on is not one the provider made: the test counts exactly; see the at-least-once window in docs/outbox.md).
         */
        private static ResponseDefinitionBuilder silence() {
            return json(503, "{\"ok\":false,\"error_code\":503,\"description\":\"late\"}").withFixedDelay(20_000);
        }

        private static ResponseDefinitionBuilder json(int status, String body) {
            return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
        }
    }

    /** What the 429 answers ask for: long beside the compressed backoff, so that obeying it shows. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    /**
     * Both providers answer every send this way from now on (setWebhook and the like always succeed).
     * The new stubs go in before the old ones leave (the newest wins), so no send ever meets none (a 404,
     * which the deliverers rightly take as a permanent failure).
     */
    static synchronized void providersAnswer(Answer answer) {
        List<com.github.tomakehurst.wiremock.stubbing.StubMapping> previous = List.copyOf(CURRENT);
        CURRENT.clear();
        CURRENT.add(PROVIDERS.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(answer.twilio())));
        CURRENT.add(PROVIDERS.stubFor(post(urlMatching(SEND)).willReturn(answer.telegram())));
        CURRENT.add(PROVIDERS.stubFor(post(urlMatching("(?i)/bot[^/]+/(answercallbackquery|editmessagereplymarkup|setwebhook|deletewebhook)"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"ok\":true,\"result\":true}"))));
        previous.forEach(PROVIDERS::removeStub);
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoOutbox outbox;
    @Autowired
    InboundMessages inboundMessages;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    // --- the young people's side ---

    void sms(String from, String text) {
        String sid = String.format("SM%032x", 0xda0000L + IDS.incrementAndGet());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", sid);
        form.put("SmsMessageSid", sid);
        form.put("AccountSid", ACCOUNT_SID);
        form.put("From", from);
        form.put("To", SMS_FROM);
        form.put("Body", text);
        form.put("NumMedia", "0");
        form.put("ApiVersion", "2010-04-01");
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(local("/webhooks/twilio")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", twilioSignature(PUBLIC_BASE_URL + "/webhooks/twilio", form))
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build());
        check(response, "Twilio webhook");
    }

    void telegram(long chat, String text) {
        int id = 4_000_000 + IDS.incrementAndGet();
        String update = "{\"update_id\":" + id + ",\"message\":{\"message_id\":" + id + ",\"from\":{\"id\":" + chat
                + ",\"is_bot\":false,\"first_name\":\"Léa\",\"language_code\":\"fr\"},\"chat\":{\"id\":" + chat
                + ",\"first_name\":\"Léa\",\"type\":\"private\"},\"date\":1795427990,\"text\":\"" + text + "\"}}";
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(local("/webhooks/telegram")))
                .header("Content-Type", "application/json").header("X-Telegram-Bot-Api-Secret-Token", TELEGRAM_SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(update)).build());
        check(response, "Telegram webhook");
    }

    private static void check(HttpResponse<String> response, String what) {
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError(what + " answered " + response.statusCode());
        }
    }

    // --- what the providers saw ---

    /**
     * One send as a provider saw it: to whom, what text, when, and how it was answered ("201", "429",
     * "silence" for an answer held back beyond the client's timeout, "reset" for a cut connection),
     * read from the stub that matched, so a send is known before a held-back answer is out.
     */
    record Send(String to, String text, long at, String answer) {
        boolean accepted() {
            return answer.startsWith("2");
        }
    }

    /** Every send to Twilio and Telegram so far, oldest first. */
    static List<Send> sends() {
        List<Send> all = new ArrayList<>();
        for (ServeEvent event : PROVIDERS.getAllServeEvents()) {
            String url = event.getRequest().getUrl();
            var stub = event.getResponseDefinition();
            String answer = stub.getFault() != null ? "reset"
                    : stub.getFixedDelayMilliseconds() != null && stub.getFixedDelayMilliseconds() > 0 ? "silence"
                    : Integer.toString(stub.getStatus());
            long at = event.getRequest().getLoggedDate().getTime();
            if (url.startsWith(MESSAGES)) {
                Map<String, String> form = decode(event.getRequest().getBodyAsString());
                all.add(new Send(form.get("To"), form.get("Body"), at, answer));
            } else if (url.matches(SEND)) {
                JsonNode body = readJson(event.getRequest().getBodyAsString());
                all.add(new Send(body.path("chat_id").asText(), body.path("text").asText(), at, answer));
            }
        }
        all.sort(Comparator.comparingLong(Send::at));
        return all;
    }

    static List<Send> sendsTo(String to) {
        return sends().stream().filter(s -> to.equals(s.to())).toList();
    }

    /** Waits until every given recipient has had at least {@code count} sends answered as {@code answer} is. */
    static void awaitSends(List<String> recipients, int count, Predicate<Send> answer, String what) {
        await(what, () -> recipients.stream().allMatch(to -> sendsTo(to).stream().filter(answer).count() >= count));
    }

    // --- what the outbox holds ---

    /** The texts a provider must receive for this outbox entry, in order (an SMS may take several). */
    static List<String> textsOf(Document entry) {
        DeliveryPayload payload = StoredPayloads.read(entry.get("payload", Document.class));
        if (!(payload instanceof DeliveryPayload.Chat chat)) {
            throw new AssertionError("a chat reply expected, found " + payload.getClass().getSimpleName());
        }
        return "sms".equals(entry.getString("channel")) ? SmsRenderer.render(chat.message())
                : List.of(chat.message().text().isBlank() ? "…" : chat.message().text());
    }

    /** The conversation's outbox entries in the order they must go out. */
    List<Document> entries(ConversationKey key) {
        return outbox.entries(key);
    }

    /** Waits until the conversation's messages are processed and its deliveries settled (sent, failed or dead). */
    void awaitSettled(ConversationKey key, int inbound) {
        await(inbound + " messages of a conversation processed and its replies settled", () -> {
            var all = inboundMessages.all(key);
            return all.size() == inbound && all.stream().allMatch(m -> m.status() == InboundStatus.PROCESSED)
                    && !entries(key).isEmpty()
                    && entries(key).stream().noneMatch(e -> OutboxStatus.PENDING.name().equals(e.getString("status")));
        });
    }

    void awaitProcessed(ConversationKey key, int inbound) {
        await(inbound + " messages of a conversation processed", () -> {
            var all = inboundMessages.all(key);
            return all.size() == inbound && all.stream().allMatch(m -> m.status() == InboundStatus.PROCESSED);
        });
    }

    static ConversationKey smsConversation(String phone) {
        return new ConversationKey(Channel.SMS, phone);
    }

    static ConversationKey telegramConversation(long chat) {
        return new ConversationKey(Channel.TELEGRAM, Long.toString(chat));
    }

    /** The sum of the Prometheus samples of {@code name} carrying {@code label} (such as {@code channel="sms"}), 0 when none. */
    double metric(String name, String label) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(local("/actuator/prometheus")))
                .header("Authorization", fr.boussole.app.testing.TestKeys.metricsAuthorization()).GET().build());
        if (response.statusCode() != 200) {
            throw new AssertionError("/actuator/prometheus answered " + response.statusCode());
        }
        return response.body().lines().filter(l -> l.startsWith(name + "{") && l.contains(label))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    // --- plumbing ---

    String local(String path) {
        return "http://localhost:" + port + path;
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Twilio's published signature: HMAC-SHA1 of the URL followed by the sorted parameters. */
    static String twilioSignature(String url, Map<String, String> form) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(form).forEach((k, v) -> data.append(k).append(v));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(AUTH_TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    static Map<String, String> decode(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return form;
    }

    static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls until the condition holds, for a bounded time. */
    static <T> T await(String what, Supplier<T> condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            T value = condition.get();
            if (value != null && !Boolean.FALSE.equals(value)) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
