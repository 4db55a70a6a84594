package fr.boussole.app.logs;

import fr.boussole.app.testing.RunningApp;
import fr.boussole.testing.Await;
import fr.boussole.testing.OutsideWorld;
import fr.boussole.testing.ProviderAccounts;
import fr.boussole.testing.TwilioForms;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMail;
import fr.boussole.pipeline.inbound.InboundMessages;
import fr.boussole.pipeline.inbound.InboundStatus;
import fr.boussole.pipeline.outbox.MongoOutbox;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, data rights: "the application log never contains a phone number, an email or a message
 * text". The whole application runs (real engine, channels, console, pipeline) with {@code fr.boussole}
 * at DEBUG and every log event captured at the root logger, while young people go through whole
 * journeys on the web chat, SMS, WhatsApp and Telegram up to a contact request and its alert email,
 * and through failures: Twilio answering 500 and 400 (whose error text names the number), Telegram
 * answering 500 and "blocked by the user", a forged Twilio signature, a wrong Telegram secret, a
 * malformed web chat body, a mistyped contact. Each test fails as soon as the captured log holds any
 * of the numbers (in any common form), emails or distinctive message texts given so far.
 *
 * <p>Test doubles (WireMock, GreenMail) log what they receive, which is the providers' side, not the
 * application's log: their loggers are left out of the search.
 */
// Its own data directory (see RunningApp): the journeys' context, cached in the same JVM, holds ./data.
@TestPropertySource(properties = "boussole.data-dir=target/log-privacy-it-data")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LogPrivacyIT extends RunningApp {

    static final ProviderAccounts ACCOUNTS = new ProviderAccounts("AC00000000000000000000000000c0ffee",
            "privacy-auth-token-0123456789abcdef", "+33757000077", "+14155238877",
            "987654321:AAprivacyTokenForTheBoussoleBot", "privacy-webhook_secret", "https://boussole.example.org");
    static final String MESSAGES = ACCOUNTS.messagesPath();
    static final Duration WAIT = Duration.ofSeconds(40);
    /** Loggers of the test doubles, which stand for the providers. */
    static final List<String> PROVIDER_SIDE = List.of("com.github.tomakehurst", "wiremock", "com.icegreen");

    static final OutsideWorld WORLD = OutsideWorld.withSmtp();
    static final WireMockServer PROVIDERS = WORLD.providers();
    static final GreenMail SMTP = WORLD.smtp();

    /** Everything personal given to the bot so far; each test adds its own before acting. */
    static final PersonalData GIVEN = new PersonalData();
    static final CapturedLog LOG = new CapturedLog();
    static final AtomicInteger IDS = new AtomicInteger(0x7a11);

    static {
        stubProviders();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        register(registry, WORLD, ACCOUNTS);
        // failing deliveries reach their retries and the dead letter within the test
        registry.add("boussole.pipeline.delivery-attempts", () -> "3");
        registry.add("boussole.pipeline.delivery-backoff", () -> "100ms");
        registry.add("logging.level.fr.boussole", () -> "DEBUG");
    }

    /** Twilio and Telegram answer as on success, except for the numbers and chats set up to fail. */
    static void stubProviders() {
        PROVIDERS.stubFor(post(urlPathEqualTo(MESSAGES)).atPriority(5).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(fixture("twilio-message-created.json"))
                .withTransformers("response-template")));
        PROVIDERS.stubFor(post(urlPathEqualTo("/v1/Content")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(fixture("twilio-content-created.json"))
                .withTransformers("response-template")));
        PROVIDERS.stubFor(post(urlMatching("(?i)/bot[^/]+/sendmessage")).atPriority(5).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(fixture("telegram-sendmessage-ok.json"))));
        PROVIDERS.stubFor(post(urlMatching("(?i)/bot[^/]+/(answercallbackquery|editmessagereplymarkup|setwebhook|deletewebhook)"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":true,\"result\":true}")));
        // Twilio down for one number; Twilio refusing another with its own error text, which names the number
        PROVIDERS.stubFor(post(urlPathEqualTo(MESSAGES)).atPriority(1).withRequestBody(containing("To=%2B33612990002"))
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json").withHeader("Retry-After", "1")
                        .withBody("{\"code\":20500,\"message\":\"Internal Server Error\",\"status\":500}")));
        PROVIDERS.stubFor(post(urlPathEqualTo(MESSAGES)).atPriority(1).withRequestBody(containing("To=%2B33612990003"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":21211,\"message\":\"The 'To' number +33612990003 is not a valid phone number.\","
                                + "\"more_info\":\"https://www.twilio.com/docs/errors/21211\",\"status\":400}")));
        // Telegram down for one chat, blocked by another
        PROVIDERS.stubFor(post(urlMatching("(?i)/bot[^/]+/sendmessage")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.chat_id", containing("700990002")))
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":false,\"error_code\":500,\"description\":\"Internal Server Error\",\"parameters\":{\"retry_after\":1}}")));
        PROVIDERS.stubFor(post(urlMatching("(?i)/bot[^/]+/sendmessage")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.chat_id", containing("700990003")))
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}")));
    }

    @Autowired
    MongoTemplate mongo;
    @Autowired
    InboundMessages inboundMessages;
    @Autowired
    MongoOutbox outbox;

    @BeforeEach
    void captureTheLog() {
        CapturedLog.attach(LOG);
    }

    @Test
    @Order(1)
    void a_web_chat_journey_with_a_mistyped_contact_then_an_email_and_its_alert() {
        String session = "privacy-web-session-01";
        GIVEN.email("zoe.quintavalle@example.org").text("Quintavalle").text("Zorglubette").phone("06 12 99 00 09");
        long requests = contactRequestCount();
        List<JsonNode> last = List.of();
        for (String text : List.of("bonjour", "je m'appelle Zoé Quintavalle", "24", "Cahors", "1")) {
            last = chat(session, "{\"text\":" + quoted(text) + "}");
        }
        for (int i = 0; i < 6 && !last.getLast().path("choices").toString().contains("offre:"); i++) {
            last = chat(session, "{\"text\":\"1\"}");
        }
        String offer = last.getLast().path("choices").path(0).path("id").asText();
        assertThat(offer).as("offers shown").startsWith("offre:");
        chat(session, "{\"choice\":" + quoted(offer) + "}");
        chat(session, "{\"choice\":\"contactez-moi\"}");
        chat(session, "{\"text\":\"zoe.quintavalle@@example\"}");
        chat(session, "{\"text\":\"appelle-moi au 06 12 99 00 0\"}");
        chat(session, "{\"text\":\"zoe.quintavalle@example.org\"}");
        await("the contact request and its alert email", () -> contactRequestCount() == requests + 1
                && SMTP.getReceivedMessages().length > 0);
        // malformed and oversized bodies carrying personal data
        assertThat(postJson("/api/chat/" + session + "/messages",
                "{\"text\": \"Zorglubette 06 12 99 00 09 zoe.quintavalle@example.org").statusCode()).isEqualTo(400);
        assertThat(postJson("/api/chat/" + session + "/messages",
                "{\"text\":\"" + "Zorglubette 06 12 99 00 09 ".repeat(400) + "\"}").statusCode()).isEqualTo(413);
        assertNothingPersonalInTheLog();
    }

    @Test
    @Order(2)
    void an_sms_journey_to_a_contact_request_with_this_number() {
        String phone = "+33612990001";
        GIVEN.phone(phone).text("Brocardine");
        ConversationKey key = new ConversationKey(Channel.SMS, phone);
        long requests = contactRequestCount();
        List<String> last = sms(phone, "bonjour");
        for (String text : List.of("Je suis Brocardine et je cherche du travail", "20", "Cahors", "1")) {
            last = sms(phone, text);
        }
        for (int i = 0; i < 12 && !String.join("\n", last).contains("offres pour toi"); i++) {
            last = sms(phone, "1");
        }
        for (int i = 0; i < 4; i++) {
            sms(phone, "1");
        }
        assertThat(contactRequestCount()).as("contact request of the SMS journey").isEqualTo(requests + 1);
        awaitSettled(key);
        assertNothingPersonalInTheLog();
    }

    @Test
    @Order(3)
    void twilio_failing_and_refusing_a_number_and_a_forged_signature() {
        String down = "+33612990002";
        String refused = "+33612990003";
        String forger = "+33612990004";
        GIVEN.phone(down).phone(refused).phone(forger).text("Gribouillanne");
        postTwilio(form(down, "bonjour Gribouillanne"), true);
        postTwilio(form(refused, "bonjour Gribouillanne"), true);
        awaitSettled(new ConversationKey(Channel.SMS, down));
        awaitSettled(new ConversationKey(Channel.SMS, refused));
        assertThat(outboxStatuses(new ConversationKey(Channel.SMS, down))).as("dead-lettered after Twilio's 500s").contains("DEAD");
        assertThat(outboxStatuses(new ConversationKey(Channel.SMS, refused))).as("failed on Twilio's 400").contains("FAILED");
        assertThat(postTwilio(form(forger, "Gribouillanne 06 12 99 00 04"), false).statusCode()).isEqualTo(403);
        assertNothingPersonalInTheLog();
    }

    @Test
    @Order(4)
    void a_whatsapp_journey_to_a_contact_request() {
        String phone = "+33698990005";
        GIVEN.phone(phone).text("Pistachette");
        ConversationKey key = new ConversationKey(Channel.WHATSAPP, phone);
        String wa = "whatsapp:" + phone;
        long requests = contactRequestCount();
        List<Map<String, String>> last = whatsapp(wa, Map.of("Body", "bonjour"));
        for (String text : List.of("moi c'est Pistachette", "19", "Figeac")) {
            last = whatsapp(wa, Map.of("Body", text));
        }
        for (int i = 0; i < 20 && contactRequestCount() == requests; i++) {
            last = whatsapp(wa, tapFirst(last.getLast()));
        }
        assertThat(contactRequestCount()).as("contact request of the WhatsApp journey").isEqualTo(requests + 1);
        awaitSettled(key);
        assertNothingPersonalInTheLog();
    }

    @Test
    @Order(5)
    void a_telegram_journey_sharing_a_contact_and_chats_that_fail() {
        long chat = 700990001L;
        GIVEN.phone("33612990006").text("Tartempionne");
        long requests = contactRequestCount();
        List<JsonNode> last = telegram(chat, textUpdate(chat, "/start"));
        for (String text : List.of("je suis Tartempionne", "22", "Cahors")) {
            last = telegram(chat, textUpdate(chat, text));
        }
        for (int i = 0; i < 20 && contactRequestCount() == requests; i++) {
            JsonNode sent = last.getLast();
            if (sent.path("reply_markup").path("keyboard").path(0).path(0).path("request_contact").asBoolean()) {
                last = telegram(chat, contactUpdate(chat, "33612990006"));
            } else if (sent.path("reply_markup").has("inline_keyboard")) {
                last = telegram(chat, pressFirst(chat, sent));
            } else {
                last = telegram(chat, textUpdate(chat, "1"));
            }
        }
        assertThat(contactRequestCount()).as("contact request of the Telegram journey").isEqualTo(requests + 1);

        ConversationKey down = new ConversationKey(Channel.TELEGRAM, "700990002");
        ConversationKey blocked = new ConversationKey(Channel.TELEGRAM, "700990003");
        for (ConversationKey failing : List.of(down, blocked)) {
            assertThat(postTelegram(textUpdate(Long.parseLong(failing.address()), "salut Tartempionne"), ACCOUNTS.telegramSecret()).statusCode())
                    .isEqualTo(200);
        }
        awaitSettled(blocked);
        await("a retry after Telegram's 500", () -> outbox.entries(down).stream()
                .anyMatch(entry -> entry.get("attempts") instanceof Number attempts && attempts.intValue() >= 1));
        assertThat(postTelegram(textUpdate(700990004L, "Tartempionne 06 12 99 00 06"), "not-the-secret").statusCode()).isEqualTo(403);
        assertNothingPersonalInTheLog();
    }

    @Test
    @Order(6)
    void the_capture_works_and_sees_the_debug_lines_of_the_application() {
        assertThat(LOG.lines()).as("DEBUG lines of fr.boussole captured").anyMatch(line -> line.startsWith("DEBUG fr.boussole."));
        assertThat(LOG.lines()).as("the failures were logged").anyMatch(line -> line.contains("refused"));
        assertNothingPersonalInTheLog();
    }

    private static void assertNothingPersonalInTheLog() {
        List<String> leaks = new ArrayList<>();
        for (String line : LOG.lines()) {
            String logger = line.split(" ", 3)[1];
            if (PROVIDER_SIDE.stream().anyMatch(logger::startsWith)) {
                continue;
            }
            List<String> found = GIVEN.foundIn(line);
            if (!found.isEmpty()) {
                // the line itself is the evidence a developer needs; this is a test log with test data
                leaks.add(found + " in: " + line);
            }
        }
        assertThat(leaks).as("log lines holding personal data").isEmpty();
    }

    // ---- web chat

    private List<JsonNode> chat(String session, String body) {
        HttpResponse<String> response = postJson("/api/chat/" + session + "/messages", body);
        assertThat(response.statusCode()).as(body).isEqualTo(200);
        List<JsonNode> replies = new ArrayList<>();
        json(response.body()).path("replies").forEach(replies::add);
        return replies;
    }

    // ---- Twilio (SMS and WhatsApp)

    private List<String> sms(String phone, String text) {
        ConversationKey key = new ConversationKey(Channel.SMS, phone);
        int before = twilioMessagesTo(phone).size();
        assertThat(postTwilio(form(phone, text), true).statusCode()).isEqualTo(200);
        awaitSettled(key);
        List<Map<String, String>> all = twilioMessagesTo(phone);
        return all.subList(before, all.size()).stream().map(m -> m.getOrDefault("Body", "")).toList();
    }

    private List<Map<String, String>> whatsapp(String wa, Map<String, String> fields) {
        int before = twilioMessagesTo(wa).size();
        Map<String, String> form = form(wa, fields.getOrDefault("Body", ""));
        form.putAll(fields);
        assertThat(postTwilio(form, true).statusCode()).isEqualTo(200);
        awaitSettled(new ConversationKey(Channel.WHATSAPP, wa.substring("whatsapp:".length())));
        List<Map<String, String>> all = twilioMessagesTo(wa);
        assertThat(all.size()).as("replies to " + fields).isGreaterThan(before);
        return all.subList(before, all.size());
    }

    /** Taps the first choice of a rich reply (its content's actions or items), or answers "1" to a plain one. */
    private Map<String, String> tapFirst(Map<String, String> reply) {
        String contentSid = reply.get("ContentSid");
        if (contentSid == null) {
            return Map.of("Body", "1");
        }
        JsonNode content = null;
        for (var served : PROVIDERS.getAllServeEvents()) {
            if (served.getRequest().getUrl().equals("/v1/Content")
                    && contentSid.equals(json(served.getResponse().getBodyAsString()).path("sid").asText())) {
                content = json(served.getRequest().getBodyAsString());
            }
        }
        assertThat(content).as("the content " + contentSid + " created through the Content API").isNotNull();
        JsonNode quick = content.path("types").path("twilio/quick-reply").path("actions").path(0);
        if (!quick.isMissingNode()) {
            return Map.of("Body", quick.path("title").asText(), "MessageType", "button",
                    "ButtonPayload", quick.path("id").asText(), "ButtonText", quick.path("title").asText());
        }
        JsonNode item = content.path("types").path("twilio/list-picker").path("items").path(0);
        return Map.of("Body", item.path("item").asText(), "MessageType", "interactive",
                "ListId", item.path("id").asText(), "ListTitle", item.path("item").asText());
    }

    private Map<String, String> form(String from, String body) {
        String sid = String.format("SM%032x", IDS.incrementAndGet());
        boolean whatsapp = from.startsWith("whatsapp:");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("ToCountry", "FR");
        form.put("SmsMessageSid", sid);
        form.put("NumMedia", "0");
        form.put("SmsStatus", "received");
        form.put("Body", body);
        form.put("FromCountry", "FR");
        form.put("To", whatsapp ? "whatsapp:" + ACCOUNTS.whatsappFrom() : ACCOUNTS.smsFrom());
        form.put("NumSegments", "1");
        form.put("MessageSid", sid);
        form.put("AccountSid", ACCOUNTS.accountSid());
        form.put("From", from);
        form.put("ApiVersion", "2010-04-01");
        if (whatsapp) {
            form.put("ProfileName", "Lea");
            form.put("WaId", from.substring("whatsapp:+".length()));
            form.put("MessageType", "text");
        }
        return form;
    }

    private HttpResponse<String> postTwilio(Map<String, String> form, boolean validSignature) {
        return postTwilio("/webhooks/twilio", form, ACCOUNTS.publicBaseUrl(),
                validSignature ? ACCOUNTS.authToken() : "not-our-auth-token-00000000000000");
    }

    private static List<Map<String, String>> twilioMessagesTo(String to) {
        List<LoggedRequest> all = PROVIDERS.findAll(postRequestedFor(urlPathEqualTo(MESSAGES)));
        return all.stream().map(r -> TwilioForms.decode(r.getBodyAsString())).filter(f -> to.equals(f.get("To"))).toList();
    }

    // ---- Telegram

    private List<JsonNode> telegram(long chat, String update) {
        int before = telegramSentTo(chat).size();
        assertThat(postTelegram(update, ACCOUNTS.telegramSecret()).statusCode()).isEqualTo(200);
        awaitSettled(new ConversationKey(Channel.TELEGRAM, Long.toString(chat)));
        List<JsonNode> all = telegramSentTo(chat);
        assertThat(all.size()).as("replies to " + update).isGreaterThan(before);
        return all.subList(before, all.size());
    }

    private HttpResponse<String> postTelegram(String update, String secret) {
        return postJson("/webhooks/telegram", update, "X-Telegram-Bot-Api-Secret-Token", secret);
    }

    private static String textUpdate(long chat, String text) {
        int id = IDS.incrementAndGet();
        return "{\"update_id\":" + id + ",\"message\":{\"message_id\":" + id + ",\"from\":{\"id\":" + chat
                + ",\"is_bot\":false,\"first_name\":\"Léa\",\"language_code\":\"fr\"},\"chat\":{\"id\":" + chat
                + ",\"first_name\":\"Léa\",\"type\":\"private\"},\"date\":1795427990,\"text\":" + quoted(text) + "}}";
    }

    private static String contactUpdate(long chat, String phone) {
        int id = IDS.incrementAndGet();
        return "{\"update_id\":" + id + ",\"message\":{\"message_id\":" + id + ",\"from\":{\"id\":" + chat
                + ",\"is_bot\":false,\"first_name\":\"Léa\"},\"chat\":{\"id\":" + chat + ",\"first_name\":\"Léa\",\"type\":\"private\"},"
                + "\"date\":1795428020,\"contact\":{\"phone_number\":" + quoted(phone) + ",\"first_name\":\"Léa\",\"user_id\":" + chat + "}}}";
    }

    private static String pressFirst(long chat, JsonNode sent) {
        int id = IDS.incrementAndGet();
        String data = sent.path("reply_markup").path("inline_keyboard").path(0).path(0).path("callback_data").asText();
        return "{\"update_id\":" + id + ",\"callback_query\":{\"id\":\"30065124192363" + id + "\",\"from\":{\"id\":" + chat
                + ",\"is_bot\":false,\"first_name\":\"Léa\"},\"message\":{\"message_id\":77,\"from\":{\"id\":987654321,"
                + "\"is_bot\":true,\"first_name\":\"Boussole\"},\"chat\":{\"id\":" + chat + ",\"first_name\":\"Léa\",\"type\":\"private\"},"
                + "\"date\":1795428010,\"text\":\"question\"},\"chat_instance\":\"-5718233404420339185\",\"data\":" + quoted(data) + "}}";
    }

    private static List<JsonNode> telegramSentTo(long chat) {
        return PROVIDERS.findAll(postRequestedFor(urlMatching("(?i)/bot[^/]+/sendmessage"))).stream()
                .map(r -> json(r.getBodyAsString())).filter(b -> b.path("chat_id").asText().equals(Long.toString(chat))).toList();
    }

    // ---- the store, read through the app's own classes (which know how it names and seals things)

    /** Every message of the conversation processed and every delivery it caused settled (sent, failed or dead). */
    private void awaitSettled(ConversationKey key) {
        await("the conversation settled", () -> {
            var inbound = inboundMessages.all(key);
            return !inbound.isEmpty() && inbound.stream().noneMatch(m -> m.status() == InboundStatus.PENDING)
                    && !outboxStatuses(key).contains("PENDING");
        });
    }

    private List<String> outboxStatuses(ConversationKey key) {
        return outbox.entries(key).stream().map(entry -> entry.getString("status")).toList();
    }

    /** The tests run one after the other: a journey's request is the one more than before it. */
    private long contactRequestCount() {
        return mongo.getCollection("contactRequests").countDocuments();
    }

    // ---- plumbing

    private static void await(String what, java.util.function.Supplier<Boolean> condition) {
        Await.until(what, WAIT, condition);
    }

    private static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fixture(String name) {
        try (var in = LogPrivacyIT.class.getResourceAsStream("/journey/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
