package fr.boussole.channels.support;

import fr.boussole.testing.OutsideWorld;
import fr.boussole.testing.ProviderAccounts;
import fr.boussole.testing.RecordingInbox;
import fr.boussole.testing.TestClock;
import fr.boussole.testing.TwilioForms;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The channels module running on a real port, with MongoDB in memory (mongo-java-server through the
 * real driver) and WireMock standing in for Twilio and Telegram. One context is shared by every test
 * class; each test starts from empty collections, stubs and recorders.
 */
@SpringBootTest(classes = ChannelsTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ChannelsIntegrationTest {

    public static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    public static final String AUTH_TOKEN = "test-auth-token-0123456789abcdef";
    public static final String SMS_FROM = "+33757000000";
    public static final String WHATSAPP_FROM = "+14155238886";
    public static final String REENGAGE_SID = "HXreengage000000000000000000000000";
    public static final String BOT_TOKEN = "123456789:AAtestTokenForTheBoussoleBot_xyz";
    public static final String TELEGRAM_SECRET = "s3cret-webhook_token";
    public static final String PUBLIC_BASE_URL = "https://bot.example.org";

    public static final ProviderAccounts ACCOUNTS = new ProviderAccounts(ACCOUNT_SID, AUTH_TOKEN, SMS_FROM, WHATSAPP_FROM,
            BOT_TOKEN, TELEGRAM_SECRET, PUBLIC_BASE_URL);

    private static final OutsideWorld WORLD = OutsideWorld.start();
    protected static final WireMockServer PROVIDERS = WORLD.providers();
    /** setWebhook calls seen at start-up, kept before the first reset of the request journal. */
    protected static List<LoggedRequest> startupSetWebhooks;

    static {
        PROVIDERS.stubFor(post(urlMatching("(?i)/bot[^/]+/setwebhook")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"ok\":true,\"result\":true,\"description\":\"Webhook was set\"}")));
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        WORLD.register(registry, "channels", ACCOUNTS);
        registry.add("boussole.channels.twilio.whatsapp-reengage-content-sid", () -> REENGAGE_SID);
        registry.add("boussole.channels.twilio.request-timeout", () -> "3s");
        registry.add("boussole.channels.telegram.request-timeout", () -> "3s");
        registry.add("boussole.channels.telegram.messages-per-second", () -> "1000");
        registry.add("boussole.channels.telegram.messages-per-chat-per-second", () -> "1000");
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected RecordingInbox inbox;
    @Autowired
    protected RecordingStatusSink statusSink;
    @Autowired
    protected TestClock clock;
    @Autowired
    protected MongoTemplate mongo;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void resetWorld() {
        if (startupSetWebhooks == null) {
            startupSetWebhooks = PROVIDERS.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlMatching("(?i)/bot[^/]+/setwebhook")));
        }
        PROVIDERS.resetAll();
        inbox.clear();
        statusSink.clear();
        clock.set(java.time.Instant.parse("2026-11-23T10:00:00Z"));
        mongo.getCollectionNames().forEach(mongo::dropCollection);
    }

    /** Posts a Twilio form to our webhook, signed for {@code PUBLIC_BASE_URL + path} with the given token. */
    protected HttpResponse<String> postTwilio(String path, Map<String, String> form, String token) {
        String signature = TwilioForms.sign(token, PUBLIC_BASE_URL + path, form);
        return postTwilio(path, form, signature, true);
    }

    protected HttpResponse<String> postTwilio(String path, Map<String, String> form, String signature, boolean withSignature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(TwilioForms.encode(form)));
        if (withSignature) {
            request.header("X-Twilio-Signature", signature);
        }
        return send(request.build());
    }

    protected HttpResponse<String> postTelegram(String json, String secret) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/telegram"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (secret != null) {
            request.header("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
