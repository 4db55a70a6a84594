package fr.boussole.app.journey;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import fr.boussole.app.testing.RunningApp;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.pipeline.inbound.InboundMessage;
import fr.boussole.pipeline.inbound.InboundMessages;
import fr.boussole.pipeline.inbound.InboundStatus;
import fr.boussole.pipeline.outbox.MongoOutbox;
import fr.boussole.pipeline.outbox.OutboxStatus;
import fr.boussole.testing.Await;
import fr.boussole.testing.OutsideWorld;
import fr.boussole.testing.ProviderAccounts;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * The whole application as it runs in production ({@link RunningApp}: real engine, store with the Lot's
 * demo data, channels, console, pipeline), with MongoDB in memory, WireMock as Twilio and Telegram,
 * GreenMail as SMTP. Every journey class extends it with the same settings, so Spring's test context
 * cache starts the application once for all. Each journey uses its own phone number or chat, so the
 * journeys need no reset between them.
 */
@TestPropertySource(properties = "boussole.data-dir=target/running-bot-data")
abstract class RunningBot extends RunningApp {

    static final ProviderAccounts ACCOUNTS = new ProviderAccounts("AC0123456789abcdef0123456789abcdef",
            "journey-auth-token-0123456789abcdef", "+33757000000", "+14155238886",
            "123456789:AAjourneyTokenForTheBoussoleBot", "journey-webhook_secret", "https://boussole.example.org");
    static final String ACCOUNT_SID = ACCOUNTS.accountSid();
    static final String AUTH_TOKEN = ACCOUNTS.authToken();
    static final String SMS_FROM = ACCOUNTS.smsFrom();
    static final String WHATSAPP_FROM = ACCOUNTS.whatsappFrom();
    static final String BOT_TOKEN = ACCOUNTS.botToken();
    static final String TELEGRAM_SECRET = ACCOUNTS.telegramSecret();
    /** What Twilio signs against and what alert links start with; the tests map it to the real port. */
    static final String PUBLIC_BASE_URL = ACCOUNTS.publicBaseUrl();
    static final String MESSAGES = ACCOUNTS.messagesPath();
    static final Duration WAIT = Duration.ofSeconds(30);

    static final OutsideWorld WORLD = OutsideWorld.withSmtp();
    static final WireMockServer PROVIDERS = WORLD.providers();
    static final GreenMail SMTP = WORLD.smtp();
    static final InetSocketAddress MONGO_ADDRESS = WORLD.mongoAddress();

    static {
        stubProviders();
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
        register(registry, WORLD, ACCOUNTS);
    }

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
        return Await.until(what, WAIT, condition);
    }
}
