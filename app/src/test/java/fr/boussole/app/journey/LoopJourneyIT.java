package fr.boussole.app.journey;

import fr.boussole.testing.TwilioForms;
import com.fasterxml.jackson.databind.JsonNode;
import fr.boussole.app.testing.ConsoleBrowser;
import fr.boussole.core.conversation.ConsentRecord;
import fr.boussole.core.conversation.ContactMethod;
import fr.boussole.core.conversation.ContactRequestDraft;
import fr.boussole.core.ids.Ids;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.offer.ContactRequests;
import fr.boussole.core.offer.MatchQuery;
import fr.boussole.core.offer.OfferCatalog;
import fr.boussole.core.offer.OfferSummary;
import fr.boussole.core.offer.TerritoryDirectory;
import jakarta.mail.internet.MimeMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loop closed, on the running app and each channel at its provider's wire format: a request is
 * followed up by its organisation's professional in the console, and the young person receives the
 * news; the professional closes it as not what was needed (by SMS) or not eligible, the young person receives the next matching
 * offer and requests it with one tap (a new request, alerted by email to the other organisation);
 * a young person asks for someone, a person answers from the console's inbox on the same channel,
 * and hands the conversation back to the bot.
 */
class LoopJourneyIT extends RunningBot {

    static final AtomicInteger SIDS = new AtomicInteger();
    static final AtomicInteger UPDATES = new AtomicInteger(916200000);
    static final String GSM7 = SmsJourneyIT.GSM7;
    static final Pattern HANDOVER_LINK = Pattern.compile("href=\"/console/conversations/(ho_[A-Za-z0-9]+)\"");

    @Autowired
    ContactRequests contactRequests;
    @Autowired
    OfferCatalog catalog;
    @Autowired
    TerritoryDirectory territories;

    /** Inbound messages recorded per conversation (the young person's and the service's own). */
    private final Map<ConversationKey, Integer> inbound = new LinkedHashMap<>();

    @Test
    void by_sms_the_young_person_hears_the_follow_up_then_the_closing_and_requests_the_next_offer_by_number() throws Exception {
        String phone = "+33612000601";
        ConversationKey key = new ConversationKey(Channel.SMS, phone);
        Made made = request(key);

        followUp(made, null);
        String taken = String.join("\n", smsSince(key, 0, 1));
        assertThat(taken).contains("s'occupe de ta demande");

        int before = TwilioSender.messagesTo(phone).size();
        followUp(made, "REACHED_NOT_WHAT_NEEDED");
        String closed = String.join("\n", smsSince(key, before, 1));
        assertThat(closed).contains("a cloturé ta demande").contains("pas ce qu'il te fallait")
                .contains("peut aussi t'aider").contains("1. Oui, envoie\n2. Non merci");
        assertThat(closed.chars().allMatch(c -> GSM7.indexOf(c) >= 0)).as("GSM-7 only: " + closed).isTrue();
        assertThat(TwilioSender.messagesTo(phone)).allSatisfy(m -> assertThat(m.get("From")).isEqualTo(SMS_FROM));

        before = TwilioSender.messagesTo(phone).size();
        postSms(phone, "1");
        assertThat(String.join("\n", smsSince(key, before, 0))).contains("C'est envoyé");
        Document next = nextRequest(phone, made.requestId());
        assertThat(next.getString("organisationId")).isNotEqualTo(made.organisationId());
        assertThat(next.getString("contactAddress")).as("the previous request's contact").isEqualTo("+33612349999");
        assertThat(next.get("consent", Document.class).getString("textShown")).contains("J'envoie ta demande");
        assertThat(alertAbout(next)).isNotNull();
    }

    @Test
    void on_whatsapp_the_news_come_with_buttons_and_a_tap_requests_the_next_offer() throws Exception {
        String phone = "+33698000602";
        ConversationKey key = new ConversationKey(Channel.WHATSAPP, phone);
        postWhatsApp(phone, whatsApp(phone, "bonjour")); // the 24-hour window opens
        Made made = request(key);

        int before = TwilioSender.messagesTo("whatsapp:" + phone).size();
        followUp(made, null);
        assertThat(WhatsAppJourneyIT.reply(whatsAppSince(key, before, 1).getLast()).body()).contains("s'occupe de ta demande");

        before = TwilioSender.messagesTo("whatsapp:" + phone).size();
        followUp(made, "NOT_ELIGIBLE");
        WhatsAppJourneyIT.Reply proposal = WhatsAppJourneyIT.reply(whatsAppSince(key, before, 1).getLast());
        assertThat(proposal.type()).isEqualTo("twilio/quick-reply");
        assertThat(proposal.body()).contains("ne correspond pas à ta situation").contains("peut aussi t'aider");
        assertThat(proposal.choices()).extracting(c -> c[0]).containsExactly("news-envoyer", "news-non");

        Map<String, String> tap = whatsApp(phone, "Oui, envoie");
        tap.put("MessageType", "button");
        tap.put("ButtonPayload", "news-envoyer");
        tap.put("ButtonText", "Oui, envoie");
        before = TwilioSender.messagesTo("whatsapp:" + phone).size();
        postWhatsApp(phone, tap);
        assertThat(WhatsAppJourneyIT.reply(whatsAppSince(key, before, 0).getLast()).body()).contains("C'est envoyé");
        Document next = nextRequest(phone, made.requestId());
        assertThat(next.getString("channel")).isEqualTo("WHATSAPP");
        assertThat(alertAbout(next)).isNotNull();
    }

    @Test
    void on_telegram_the_news_come_with_an_inline_keyboard_and_a_press_requests_the_next_offer() throws Exception {
        long chat = 700333601L;
        ConversationKey key = new ConversationKey(Channel.TELEGRAM, Long.toString(chat));
        Made made = request(key);

        followUp(made, null);
        assertThat(telegramSince(key, chat, 0, 1).getLast().path("text").asText()).contains("s'occupe de ta demande");

        int before = TelegramJourneyIT.sentTo(chat).size();
        followUp(made, "NOT_ELIGIBLE");
        JsonNode proposal = telegramSince(key, chat, before, 1).getLast();
        assertThat(proposal.path("text").asText()).contains("peut aussi t'aider");
        assertThat(TelegramJourneyIT.buttons(proposal)).containsExactly("Oui, envoie", "Non merci");

        before = TelegramJourneyIT.sentTo(chat).size();
        pressTelegram(chat, proposal, 0);
        assertThat(telegramSince(key, chat, before, 0).getLast().path("text").asText()).contains("C'est envoyé");
        Document next = nextRequest(Long.toString(chat), made.requestId());
        assertThat(next.getString("channel")).isEqualTo("TELEGRAM");
        assertThat(alertAbout(next)).isNotNull();
    }

    @Test
    void in_the_web_chat_the_news_wait_for_the_page_and_the_next_offer_is_one_tap() throws Exception {
        String session = "loop-journey-web-0603";
        ConversationKey key = new ConversationKey(Channel.WEB, session);
        Made made = request(key);
        assertThat(news(session)).as("nothing yet").isEmpty();

        followUp(made, null);
        List<JsonNode> taken = await("the news waiting for the page", () -> {
            List<JsonNode> found = news(session);
            return found.isEmpty() ? null : found;
        });
        assertThat(taken.getLast().path("text").asText()).contains("s'occupe de ta demande");
        assertThat(news(session)).as("given once").isEmpty();

        followUp(made, "NOT_ELIGIBLE");
        List<JsonNode> closed = await("the closing waiting for the page", () -> {
            List<JsonNode> found = news(session);
            return found.isEmpty() ? null : found;
        });
        JsonNode proposal = closed.getLast();
        assertThat(proposal.path("text").asText()).contains("peut aussi t'aider");
        assertThat(proposal.path("choices").get(0).path("id").asText()).isEqualTo("news-envoyer");

        HttpResponse<String> sent = postJson("/api/chat/" + session + "/messages", "{\"choice\":\"news-envoyer\"}",
                "X-Message-Id", "loop-web-tap-1");
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(json(sent.body()).path("replies").get(0).path("text").asText()).contains("C'est envoyé");
        Document next = nextRequest(session, made.requestId());
        assertThat(next.getString("channel")).isEqualTo("WEB");
        assertThat(alertAbout(next)).isNotNull();
    }

    @Test
    void by_sms_parler_a_quelquun_opens_the_inbox_a_person_answers_from_the_console_and_hands_back_to_the_bot() throws Exception {
        String phone = "+33612000604";
        ConversationKey key = new ConversationKey(Channel.SMS, phone);
        for (String text : List.of("bonjour", "20", "Cahors")) {
            postSms(phone, text);
        }
        int before = TwilioSender.messagesTo(phone).size();
        postSms(phone, "je veux parler à quelqu'un");
        assertThat(String.join("\n", smsSince(key, before, 0))).contains("peut te répondre ici").contains("1. Oui, écrire ici");
        before = TwilioSender.messagesTo(phone).size();
        postSms(phone, "1");
        assertThat(String.join("\n", smsSince(key, before, 0))).contains("va lire notre conversation");

        before = TwilioSender.messagesTo(phone).size();
        postSms(phone, "c'est pour un logement, je sais pas par où commencer");
        assertThat(TwilioSender.messagesTo(phone)).as("the bot stays quiet").hasSize(before);

        ConsoleBrowser animatrice = ConsoleBrowser.signedIn(port, "animatrice@boussole-lot.example.org");
        HttpResponse<String> inbox = animatrice.get("/console/conversations");
        assertThat(inbox.statusCode()).isEqualTo(200);
        Matcher link = HANDOVER_LINK.matcher(inbox.body());
        String handover = null;
        while (link.find()) {
            String id = link.group(1);
            if (animatrice.get("/console/conversations/" + id).body().contains("je sais pas par où commencer")) {
                handover = id;
            }
        }
        assertThat(handover).as("the conversation in the animatrice's inbox, with its transcript").isNotNull();
        HttpResponse<String> page = animatrice.get("/console/conversations/" + handover);
        assertThat(page.body()).contains("je veux parler à quelqu&#39;un").doesNotContain(phone);

        Map<String, String> reply = new LinkedHashMap<>();
        reply.put("_csrf", csrf(page.body()));
        reply.put("inputId", inputId(page.body()));
        reply.put("text", "Bonjour, je suis Camille. Passe au Point Info Jeunes mardi, on regarde ensemble.");
        assertThat(animatrice.post("/console/conversations/" + handover + "/repondre", reply).statusCode()).isBetween(200, 399);
        assertThat(animatrice.post("/console/conversations/" + handover + "/repondre", reply).statusCode())
                .as("the same form posted twice").isBetween(200, 399);
        String answered = String.join("\n", smsSince(key, before, 1));
        assertThat(answered).isEqualTo("Camille : Bonjour, je suis Camille. Passe au Point Info Jeunes mardi, on regarde ensemble.");

        before = TwilioSender.messagesTo(phone).size();
        postSms(phone, "ok merci");
        assertThat(TwilioSender.messagesTo(phone)).as("still the person's conversation").hasSize(before);

        page = animatrice.get("/console/conversations/" + handover);
        assertThat(animatrice.post("/console/conversations/" + handover + "/rendre", Map.of("_csrf", csrf(page.body())))
                .statusCode()).isBetween(200, 399);
        assertThat(String.join("\n", smsSince(key, before, 1))).contains("Camille a terminé");

        before = TwilioSender.messagesTo(phone).size();
        postSms(phone, "logement");
        assertThat(String.join("\n", smsSince(key, before, 0))).as("the bot again").isNotBlank();
        assertThat(mongo.getCollection("console_audit_log").countDocuments(new Document("subjectId", handover)
                .append("action", "CONVERSATION_REPLIED"))).isEqualTo(2);
    }

    /** A request as the pipeline records it: this conversation's, to a Cahors offer for work. */
    private Made request(ConversationKey conversation) {
        String territory = territories.openTerritoryFor("46042").orElseThrow().id();
        OfferSummary offer = catalog.match(new MatchQuery(territory, "emploi", "46042", 20, Map.of(), LocalDate.now(),
                "loop-" + conversation.address())).getFirst();
        Instant now = Instant.now();
        ContactRequestDraft draft = new ContactRequestDraft(conversation, offer.id(), territory, "emploi", "emploi", 1,
                20, "46042", "Cahors", List.of(), ContactMethod.PHONE, "+33612349999",
                new ConsentRecord("J'accepte d'être contacté", "v1", now, conversation.channel()), now);
        ContactRequests.Recorded recorded = contactRequests.record(Ids.random("cr"), draft);
        return new Made(recorded.requestId(), recorded.organisationId());
    }

    record Made(String requestId, String organisationId) {}

    /** The offer's organisation's professional, signed in to the console, notes a follow-up (and closes it with an outcome). */
    private void followUp(Made made, String closingOutcome) throws Exception {
        boolean close = closingOutcome != null;
        Document account = mongo.findOne(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("organisationId").is(made.organisationId())
                        .and("role").is("PROFESSIONAL")), Document.class, "accounts");
        ConsoleBrowser pro = ConsoleBrowser.signedIn(port, account.getString("email"));
        HttpResponse<String> page = pro.get("/console/demandes/" + made.requestId());
        assertThat(page.statusCode()).isEqualTo(200);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrf(page.body()));
        form.put("at", LocalDate.now() + "T10:00");
        form.put("means", "PHONE");
        form.put("comment", close ? "Clôturée après échange" : "Message laissé, je rappelle demain");
        form.put("outcome", close ? closingOutcome : "");
        if (close) {
            form.put("close", "true");
        }
        assertThat(pro.post("/console/demandes/" + made.requestId() + "/suivi", form).statusCode()).isBetween(200, 399);
    }

    private Document nextRequest(String address, String previous) {
        return await("the next request recorded", () -> contactRequestsOf(address).stream()
                .filter(r -> previous.equals(r.getString("previousRequestId"))).findFirst().orElse(null));
    }

    /** The alert email to the new request's organisation. */
    private MimeMessage alertAbout(Document request) {
        String offerTitle = mongo.findById(request.getString("offerId"), Document.class, "offers").getString("title");
        return await("the alert of the next request", () -> {
            for (MimeMessage message : SMTP.getReceivedMessages()) {
                try {
                    if (message.getSubject().contains("Nouvelle demande de contact") && message.getSubject().contains(offerTitle)) {
                        return message;
                    }
                } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }
            return null;
        });
    }

    // --- SMS ---

    private void postSms(String phone, String text) {
        Map<String, String> form = SmsJourneyIT.form(phone, text);
        HttpResponse<String> response = postTwilio("/webhooks/twilio", form, PUBLIC_BASE_URL, AUTH_TOKEN);
        assertThat(response.statusCode()).isEqualTo(200);
        received(new ConversationKey(Channel.SMS, phone), 1);
    }

    /** Once {@code more} system messages and every message before are processed: the SMS bodies sent since. */
    private List<String> smsSince(ConversationKey key, int before, int more) {
        received(key, more);
        List<Map<String, String>> all = TwilioSender.messagesTo(key.address());
        List<String> bodies = new ArrayList<>();
        all.subList(before, all.size()).forEach(m -> bodies.add(m.get("Body")));
        return bodies;
    }

    // --- WhatsApp ---

    private Map<String, String> whatsApp(String phone, String body) {
        Map<String, String> form = WhatsAppJourneyIT.form(body);
        String sid = String.format("SM%032x", 0xb0b0000L + SIDS.incrementAndGet());
        form.put("SmsMessageSid", sid);
        form.put("SmsSid", sid);
        form.put("MessageSid", sid);
        form.put("WaId", phone.substring(1));
        form.put("From", "whatsapp:" + phone);
        return form;
    }

    private void postWhatsApp(String phone, Map<String, String> form) {
        assertThat(postTwilio("/webhooks/twilio", form, PUBLIC_BASE_URL, AUTH_TOKEN).statusCode()).isEqualTo(200);
        received(new ConversationKey(Channel.WHATSAPP, phone), 1);
    }

    private List<Map<String, String>> whatsAppSince(ConversationKey key, int before, int more) {
        received(key, more);
        List<Map<String, String>> all = TwilioSender.messagesTo("whatsapp:" + key.address());
        return all.subList(before, all.size());
    }

    // --- Telegram ---

    private void pressTelegram(long chat, JsonNode sent, int n) {
        List<JsonNode> buttons = new ArrayList<>();
        sent.path("reply_markup").path("inline_keyboard").forEach(row -> row.forEach(buttons::add));
        int id = UPDATES.incrementAndGet();
        String update = "{\"update_id\":" + id + ",\"callback_query\":{\"id\":\"41065124192363" + id + "\",\"from\":{\"id\":" + chat
                + ",\"is_bot\":false,\"first_name\":\"Léa\",\"language_code\":\"fr\"},\"message\":{\"message_id\":78,\"from\":{\"id\":123456789,"
                + "\"is_bot\":true,\"first_name\":\"Boussole\",\"username\":\"boussole_bot\"},\"chat\":{\"id\":" + chat
                + ",\"first_name\":\"Léa\",\"type\":\"private\"},\"date\":1795428010,\"text\":"
                + TelegramJourneyIT.quoted(sent.path("text").asText()) + "},\"chat_instance\":\"-5718233404420339186\",\"data\":"
                + TelegramJourneyIT.quoted(buttons.get(n).path("callback_data").asText()) + "}}";
        assertThat(postJson("/webhooks/telegram", update, "X-Telegram-Bot-Api-Secret-Token", TELEGRAM_SECRET).statusCode())
                .isEqualTo(200);
        received(new ConversationKey(Channel.TELEGRAM, Long.toString(chat)), 1);
    }

    private List<JsonNode> telegramSince(ConversationKey key, long chat, int before, int more) {
        received(key, more);
        List<JsonNode> all = TelegramJourneyIT.sentTo(chat);
        return all.subList(before, all.size());
    }

    // --- web chat ---

    private List<JsonNode> news(String session) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(local("/api/chat/" + session + "/news")))
                .timeout(WAIT).header("Accept", "application/json").GET().build());
        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonNode> replies = new ArrayList<>();
        json(response.body()).path("replies").forEach(replies::add);
        return replies;
    }

    // --- helpers ---

    /** Counts {@code more} inbound messages into the conversation, then waits until all are processed and answered. */
    private void received(ConversationKey key, int more) {
        int count = inbound.merge(key, more, Integer::sum);
        awaitSettled(key, count);
    }

    static String csrf(String html) {
        return ConsoleBrowser.csrf(html);
    }

    static String inputId(String html) {
        Matcher m = Pattern.compile("id=\"inputId\" name=\"inputId\" value=\"([^\"]+)\"|name=\"inputId\" value=\"([^\"]+)\"")
                .matcher(html);
        assertThat(m.find()).as("the reply form's input id").isTrue();
        return m.group(1) != null ? m.group(1) : m.group(2);
    }
}
