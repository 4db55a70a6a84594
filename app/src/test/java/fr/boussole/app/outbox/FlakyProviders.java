package fr.boussole.app.outbox;

import fr.boussole.app.testing.RunningApp;
import fr.boussole.testing.Await;
import fr.boussole.testing.OutsideWorld;
import fr.boussole.testing.ProviderAccounts;
import fr.boussole.testing.TwilioForms;
import fr.boussole.pipeline.outbox.MongoOutbox;
import fr.boussole.pipeline.outbox.OutboxStatus;
import fr.boussole.pipeline.outbox.StoredPayloads;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import fr.boussole.pipeline.inbound.InboundMessages;
import fr.boussole.pipeline.inbound.InboundStatus;
import fr.boussole.channels.sms.SmsRenderer;
import fr.boussole.core.delivery.DeliveryPayload;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;

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
 * <p>Its data directory is its own (see {@link RunningApp}): the default {@code ./data} is held by the
 * journeys' context, cached in the same JVM.
 */
@TestPropertySource(properties = "boussole.data-dir=target/flaky-providers-store")
abstract class FlakyProviders extends RunningApp {

    static final ProviderAccounts ACCOUNTS = new ProviderAccounts("AC00000000000000000000000000000da0",
            "outage-auth-token-0123456789abcdef", "+33757000099", null,
            "987654321:AAoutageTokenForTheBoussoleBot", "outage-webhook_secret", "https://boussole.example.org");
    static final String ACCOUNT_SID = ACCOUNTS.accountSid();
    static final String SMS_FROM = ACCOUNTS.smsFrom();
    static final String MESSAGES = ACCOUNTS.messagesPath();
    static final String SEND = "(?i)/bot[^/]+/sendmessage";
    /**
     * Retries come back exactly when due (every 250 ms at most), so a phase that lasts 4 s on a loaded
     * machine uses 16 of them: enough room for every phase of {@code ProviderOutageIT} on a slow run.
     */
    static final int ATTEMPTS = 32;
    static final Duration PROVIDER_TIMEOUT = Duration.ofMillis(500);
    static final Duration WAIT = Duration.ofSeconds(40);
    static final AtomicInteger IDS = new AtomicInteger();

    /** Enough threads for requests held by a silent provider long after the client gave up on them. */
    static final OutsideWorld WORLD = OutsideWorld.start(options().containerThreads(60), false);
    static final WireMockServer PROVIDERS = WORLD.providers();
    /** The stubs of the answer in force. */
    private static final List<com.github.tomakehurst.wiremock.stubbing.StubMapping> CURRENT = new ArrayList<>();

    static {
        providersAnswer(Answer.OK);
        warmUp();
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
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        register(registry, WORLD, ACCOUNTS);
        registry.add("boussole.channels.twilio.request-timeout", PROVIDER_TIMEOUT::toString);
        registry.add("boussole.channels.twilio.sends-per-second", () -> "100");
        registry.add("boussole.channels.telegram.request-timeout", PROVIDER_TIMEOUT::toString);
        registry.add("boussole.channels.telegram.messages-per-chat-per-second", () -> "100");
        registry.add("boussole.channels.telegram.messages-per-second", () -> "100");
        registry.add("boussole.pipeline.poll-interval", () -> "200ms"); // over the common 100ms
        registry.add("boussole.pipeline.lease", () -> "5s");
        registry.add("boussole.pipeline.delivery-attempts", () -> Integer.toString(ATTEMPTS));
        registry.add("boussole.pipeline.delivery-backoff", () -> "50ms");
        registry.add("boussole.pipeline.max-backoff", () -> "250ms");
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

    @Autowired
    MongoOutbox outbox;
    @Autowired
    InboundMessages inboundMessages;

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
        HttpResponse<String> response = postTwilio("/webhooks/twilio", form, ACCOUNTS.publicBaseUrl(), ACCOUNTS.authToken());
        check(response, "Twilio webhook");
    }

    void telegram(long chat, String text) {
        int id = 4_000_000 + IDS.incrementAndGet();
        String update = "{\"update_id\":" + id + ",\"message\":{\"message_id\":" + id + ",\"from\":{\"id\":" + chat
                + ",\"is_bot\":false,\"first_name\":\"Léa\",\"language_code\":\"fr\"},\"chat\":{\"id\":" + chat
                + ",\"first_name\":\"Léa\",\"type\":\"private\"},\"date\":1795427990,\"text\":\"" + text + "\"}}";
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(local("/webhooks/telegram")))
                .header("Content-Type", "application/json").header("X-Telegram-Bot-Api-Secret-Token", ACCOUNTS.telegramSecret())
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
                Map<String, String> form = TwilioForms.decode(event.getRequest().getBodyAsString());
                all.add(new Send(form.get("To"), form.get("Body"), at, answer));
            } else if (url.matches(SEND)) {
                JsonNode body = json(event.getRequest().getBodyAsString());
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

    /** Polls until the condition holds, for a bounded time. */
    static <T> T await(String what, Supplier<T> condition) {
        return Await.until(what, WAIT, condition);
    }
}
