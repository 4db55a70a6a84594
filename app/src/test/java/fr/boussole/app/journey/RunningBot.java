package fr.boussole.app.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fr.boussole.app.BoussoleApplication;
import fr.boussole.pipeline.inbound.InboundMessage;
import fr.boussole.pipeline.inbound.InboundMessages;
import fr.boussole.pipeline.inbound.InboundStatus;
import fr.boussole.pipeline.outbox.MongoOutbox;
import fr.boussole.pipeline.outbox.OutboxStatus;
import fr.boussole.core.message.ConversationKey;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The whole application as it runs in production (real engine, store with the Lot's demo data,
 * channels, console, pipeline), on a random port, with MongoDB in memory (mongo-java-server through
 * the real driver), WireMock as Twilio and Telegram, GreenMail as SMTP. Every journey class extends
 * it with the same settings, so Spring's test context cache starts the application once for all.
 * Each journey uses its own phone number or chat, so the journeys need no reset between them.
 */
// The store's URI comes from @DynamicPropertySource, which Spring adds after the environment post-processors:
// the embedded store opened meanwhile, unused, gets a directory of its own instead of ./data, whose file
// lock another test context of the same JVM may hold.
@SpringBootTest(classes = BoussoleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "boussole.data-dir=target/running-bot-data")
abstract class RunningBot {

    static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    static final String AUTH_TOKEN = "journey-auth-token-0123456789abcdef";
    static final String SMS_FROM = "+33757000000";
    static final String WHATSAPP_FROM = "+14155238886";
    static final String BOT_TOKEN = "123456789:AAjourneyTokenForTheBoussoleBot";
    static final String TELEGRAM_SECRET = "journey-webhook_secret";
    /** What Twilio signs against and what alert links start with; the tests map it to the real port. */
    static final String PUBLIC_BASE_URL = "https://boussole.example.org";
    static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";
    static final Duration WAIT = Duration.ofSeconds(30);
    static final ObjectMapper JSON = new ObjectMapper();

    static final WireMockServer PROVIDERS = new WireMockServer(options().dynamicPort());
    static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    static final InetSocketAddress MONGO_ADDRESS;
    static final GreenMail SMTP;

    static {
        MONGO_ADDRESS = MONGO.bind();
        PROVIDERS.start();
        stubProviders();
        SMTP = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", "smtp"));
        SMTP.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            SMTP.stop();
            PROVIDERS.stop();
            MONGO.shutdownNow();
        }));
    }

    /** Twilio and Telegram answer as they do on success, with their own JSON. */
    static void stubProviders() {
        PROVIDERS.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(Fixture.text("twilio-message-created.json"))
                .withTransformers("response-template")));
        PROVIDERS.stubFor(post(urlPathEqualTo("/v1/Content")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(Fixture.text("twilio-content-created.json"))
                .withTransformers("response-template")));
        PROVIDERS.stubFor(post(urlMatching("(?i)/bot[^/]+/sendmessage")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(Fixture.text("telegram-sendmessage-ok.json"))));
        PROVIDERS.stubFor(post(urlMatching("(?i)/bot[^/]+/(answercallbackquery|editmessagereplymarkup|setwebhook|deletewebhook)"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":true,\"result\":true}")));
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> "mongodb://" + MONGO_ADDRESS.getHostString() + ":" + MONGO_ADDRESS.getPort() + "/boussole");
        registry.add("boussole.store.demo.enabled", () -> "true");
        registry.add("boussole.public-base-url", () -> PUBLIC_BASE_URL);
        registry.add("boussole.channels.email.from", () -> "boussole@boussole.example.org");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("boussole.channels.twilio.account-sid", () -> ACCOUNT_SID);
        registry.add("boussole.channels.twilio.auth-token", () -> AUTH_TOKEN);
        registry.add("boussole.channels.twilio.sms-from", () -> SMS_FROM);
        registry.add("boussole.channels.twilio.whatsapp-from", () -> WHATSAPP_FROM);
        registry.add("boussole.channels.twilio.api-base-url", PROVIDERS::baseUrl);
        // a long code's 1 message/s (the default) would make each turn wait: the journeys test the dialog, not the limiter
        registry.add("boussole.channels.twilio.sends-per-second", () -> "50");
        registry.add("boussole.channels.telegram.messages-per-chat-per-second", () -> "50");
        registry.add("boussole.channels.telegram.bot-token", () -> BOT_TOKEN);
        registry.add("boussole.channels.telegram.webhook-secret", () -> TELEGRAM_SECRET);
        registry.add("boussole.channels.telegram.api-base-url", PROVIDERS::baseUrl);
        registry.add("boussole.pipeline.poll-interval", () -> "100ms");
        registry.add("spring.main.banner-mode", () -> "off");
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    InboundMessages inboundMessages;
    @Autowired
    MongoOutbox outbox;
    @Autowired
    fr.boussole.core.privacy.PersonalData personalData;

    /**
     * Waits until the pipeline has processed every message of the conversation and settled every
     * delivery it produced: then what the providers received is the whole answer.
     */
    void awaitSettled(ConversationKey conversation, int inboundCount) {
        await(inboundCount + " messages of " + conversation.channel() + " processed and answered", () -> {
            List<InboundMessage> all = inboundMessages.all(conversation);
            return all.size() == inboundCount
                    && all.stream().allMatch(m -> m.status() == InboundStatus.PROCESSED)
                    && outbox.entries(conversation).stream().noneMatch(d -> OutboxStatus.PENDING.name().equals(d.getString("status")));
        });
    }

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

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

    HttpResponse<String> postJson(String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(local(path))).timeout(WAIT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The contact requests stored for one conversation address (the store's own collection). */
    List<Document> contactRequestsOf(String address) {
        // addresses are sealed at rest: found by their lookup keys, read through the mapping that opens them
        List<String> conversations = java.util.Arrays.stream(fr.boussole.core.message.Channel.values())
                .map(channel -> personalData.lookupKey(channel, address)).toList();
        return mongo.find(Query.query(new Criteria().orOperator(Criteria.where("conversationLookup").in(conversations),
                Criteria.where("contactLookup").is(personalData.lookupKey(address)))),
                fr.boussole.store.request.ContactRequest.class).stream().map(this::opened).toList();
    }

    /** A contact request as the console reads it (personal fields opened), in its stored shape. */
    Document contactRequest(String id) {
        return opened(mongo.findById(id, fr.boussole.store.request.ContactRequest.class));
    }

    private Document opened(fr.boussole.store.request.ContactRequest request) {
        Document document = new Document();
        mongo.getConverter().write(request, document);
        return document;
    }

    /** Polls until the supplier gives a non-null, non-false value, for a bounded time. */
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

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
