package fr.boussole.app.journey;

import fr.boussole.testing.TwilioForms;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A young person texts the bot by SMS, through Twilio's signed webhook, from "bonjour" to a recorded
 * contact request, answering every question by number; the replies are read where Twilio receives them.
 */
class SmsJourneyIT extends RunningBot {

    static final AtomicInteger SIDS = new AtomicInteger();
    /** GSM 03.38 basic set and its extension table: what an SMS can carry in 7 bits. */
    static final String GSM7 = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§"
            + "¿abcdefghijklmnopqrstuvwxyzäöñüà" + "^{}\\[~]|€\f";

    int received;

    @Test
    void from_bonjour_to_a_recorded_contact_request_by_sms() {
        String phone = "+33612000101";
        ConversationKey key = new ConversationKey(Channel.SMS, phone);

        List<String> welcome = say(key, "bonjour");
        assertThat(welcome).hasSizeGreaterThanOrEqualTo(2);
        assertThat(welcome.getFirst()).contains("Boussole des jeunes");
        assertThat(welcome.getLast()).contains("quel age");
        assertThat(say(key, "20").getLast()).contains("commune");

        String themes = String.join("\n", say(key, "Cahors"));
        assertThat(themes).contains("Cahors").contains("1. Emploi\n2. Formation\n3. Logement\n4. Santé\n5. Mobilité internationale");

        List<String> last = say(key, "1");
        assertThat(last.getLast()).as("only the questions that change the offers").contains("Tu fais quoi en ce moment")
                .contains("\n1. ");
        int questions = 0;
        while (!String.join("\n", last).contains("offres pour toi")) {
            assertThat(last.getLast()).as("a numbered questionnaire question").containsPattern("\n1\\. .+\n2\\. ");
            last = say(key, "1");
            assertThat(++questions).as("questions before the offers").isLessThan(4);
        }
        String offers = String.join("\n", last);
        assertThat(offers).contains("1. ").contains("2. ").contains("Voir plus");
        assertThat(offers.indexOf("1. ")).isLessThan(offers.indexOf("2. "));

        // The card carries the consent, with the number written from: "1. Oui, contactez-moi" is the yes.
        String details = String.join("\n", say(key, "1"));
        assertThat(details).contains("On te contacte sous").contains("06 12 00 01 01")
                .contains("1. Oui, contactez-moi\n2. Autres offres");
        String done = String.join("\n", say(key, "1"));
        assertThat(done).contains("C'est envoyé").contains("06 12 00 01 01");

        List<Map<String, String>> all = TwilioSender.messagesTo(phone);
        assertThat(all).allSatisfy(m -> {
            assertThat(m.get("From")).isEqualTo(SMS_FROM);
            assertThat(m.get("Body")).as("GSM-7 only").matches(body -> body.chars().allMatch(c -> GSM7.indexOf(c) >= 0));
            assertThat(m).doesNotContainKey("ContentSid");
        });

        List<Document> requests = contactRequestsOf(phone);
        assertThat(requests).hasSize(1);
        Document request = requests.getFirst();
        assertThat(request.getString("channel")).isEqualTo("SMS");
        assertThat(request.getString("contactAddress")).isEqualTo(phone);
        assertThat(request.getString("theme")).isEqualTo("emploi");
        assertThat(request.getInteger("age")).isEqualTo(20);
        assertThat(request.getString("communeInsee")).isEqualTo("46042");
        assertThat(request.getString("questionnaireId")).isNotBlank();
        assertThat(request.getInteger("questionnaireVersion")).isPositive();
        assertThat(request.getList("answers", Document.class)).hasSizeGreaterThanOrEqualTo(questions);
        Document consentRecord = request.get("consent", Document.class);
        assertThat(consentRecord.getString("textShown")).contains("Si tu dis oui").contains("06 12 00 01 01");
        assertThat(consentRecord.getString("textVersion")).isNotBlank();
        assertThat(consentRecord.getString("channel")).isEqualTo("SMS");
        assertThat(consentRecord.get("acceptedAt")).isNotNull();
    }

    @Test
    void a_forged_signature_is_refused_and_nothing_is_stored() {
        String phone = "+33612000102";
        ConversationKey key = new ConversationKey(Channel.SMS, phone);
        Map<String, String> form = form(phone, "bonjour");
        String signedByAnother = TwilioForms.sign("not-our-auth-token-0000000000000000", PUBLIC_BASE_URL + "/webhooks/twilio", form);

        assertThat(postTwilio(form, signedByAnother).statusCode()).isEqualTo(403);
        Map<String, String> tampered = new LinkedHashMap<>(form);
        String validForOriginal = TwilioForms.sign(AUTH_TOKEN, PUBLIC_BASE_URL + "/webhooks/twilio", form);
        tampered.put("Body", "effacer");
        assertThat(postTwilio(tampered, validForOriginal).statusCode()).isEqualTo(403);

        assertThat(inboundMessages.all(key)).isEmpty();
        assertThat(mongo.getCollectionNames()).allSatisfy(collection -> assertThat(mongo.getCollection(collection)
                .countDocuments(new Document("$or", List.of(new Document("conversation", key.value()),
                        new Document("conversation", personalData.conversationRef(key)), new Document("_id", personalData.conversationRef(key)),
                        new Document("conversationAddress", phone), new Document("address", phone))))).as(collection).isZero());
        assertThat(TwilioSender.messagesTo(phone)).isEmpty();
    }

    @Test
    void the_same_message_delivered_twice_by_twilio_is_answered_once() {
        ConversationKey key = new ConversationKey(Channel.SMS, "+33612000103");
        Map<String, String> hello = form(key.address(), "bonjour");
        String signature = TwilioForms.sign(AUTH_TOKEN, PUBLIC_BASE_URL + "/webhooks/twilio", hello);
        assertThat(postTwilio(hello, signature).statusCode()).isEqualTo(200);
        assertThat(postTwilio(hello, signature).statusCode()).isEqualTo(200);
        awaitSettled(key, 1);
        assertThat(postTwilio(hello, signature).statusCode()).isEqualTo(200);
        awaitSettled(key, 1);
        // welcome, privacy notice, first question: one idea per message
        assertThat(TwilioSender.messagesTo(key.address())).extracting(m -> m.get("Body"))
                .hasSize(3).last().asString().contains("quel age");
    }

    @Test
    void a_commune_outside_the_territory_gets_the_info_jeunes_answer_and_another_commune_works() {
        ConversationKey key = new ConversationKey(Channel.SMS, "+33612000104");
        say(key, "bonjour");
        say(key, "17");
        String outside = String.join("\n", say(key, "Brive-la-Gaillarde"));
        assertThat(outside).contains("pas encore ouverte à Brive-la-Gaillarde").contains("Info Jeunes")
                .doesNotContain("Tu cherches de l'aide pour quoi");
        String several = String.join("\n", say(key, "Gourdon"));
        assertThat(several).as("the territory's Gourdon first").contains("Gourdon (Lot) ?").contains("1. Oui");
        String inside = String.join("\n", say(key, "1"));
        assertThat(inside).contains("Gourdon").contains("1. Emploi");
    }

    @Test
    void stop_silences_the_bot_until_the_young_person_writes_again() {
        ConversationKey key = new ConversationKey(Channel.SMS, "+33612000105");
        say(key, "bonjour");
        say(key, "18");
        assertThat(say(key, "STOP")).hasSize(1);
        int afterStop = TwilioSender.messagesTo(key.address()).size();
        Map<String, String> again = form(key.address(), "stop");
        assertThat(postTwilio("/webhooks/twilio", again, PUBLIC_BASE_URL, AUTH_TOKEN).statusCode()).isEqualTo(200);
        awaitSettled(key, ++received);
        int silent = TwilioSender.messagesTo(key.address()).size();
        assertThat(silent).as("nothing sent after the confirmation of stop").isEqualTo(afterStop);
        String back = String.join("\n", say(key, "Cahors"));
        assertThat(TwilioSender.messagesTo(key.address()).size()).isGreaterThan(silent);
        assertThat(back).isNotBlank();
    }

    @Test
    void twilio_status_callbacks_reach_the_outbox_for_every_part_of_every_reply() {
        ConversationKey key = new ConversationKey(Channel.SMS, "+33612000106");
        for (String text : List.of("bonjour", "20", "Cahors", "1")) {
            say(key, text);
        }
        String last = "";
        for (int i = 0; i < 12 && !last.contains("offres pour toi"); i++) {
            last = String.join("\n", say(key, "1"));
        }
        List<String> sids = new ArrayList<>();
        for (ServeEvent event : PROVIDERS.getAllServeEvents()) {
            if (event.getRequest().getUrl().startsWith(MESSAGES)
                    && key.address().equals(TwilioForms.decode(event.getRequest().getBodyAsString()).get("To"))) {
                sids.add(json(event.getResponse().getBodyAsString()).path("sid").asText());
            }
        }
        // Every reply of the journey now fits two segments, so each is one message here; cutting a long
        // text into parts, and their statuses, are the SMS channel's own tests (SmsRendererTest, SmsDelivererIT).
        assertThat(sids).hasSizeGreaterThanOrEqualTo(outbox.entries(key).size());
        for (String sid : sids) {
            Map<String, String> status = new LinkedHashMap<>();
            status.put("SmsSid", sid);
            status.put("SmsStatus", "delivered");
            status.put("MessageStatus", "delivered");
            status.put("To", key.address());
            status.put("MessageSid", sid);
            status.put("AccountSid", ACCOUNT_SID);
            status.put("From", SMS_FROM);
            status.put("ApiVersion", "2010-04-01");
            assertThat(postTwilio("/webhooks/twilio/status", status, PUBLIC_BASE_URL, AUTH_TOKEN).statusCode()).isBetween(200, 299);
        }
        assertThat(outbox.entries(key)).allSatisfy(entry ->
                assertThat(entry.getString("providerStatus")).as("provider status of " + entry.get("_id")).isEqualTo("DELIVERED"));
    }

    /** Sends one SMS and returns the bodies the bot sent back to it, in order. */
    List<String> say(ConversationKey key, String text) {
        int before = TwilioSender.messagesTo(key.address()).size();
        Map<String, String> form = form(key.address(), text);
        HttpResponse<String> response = postTwilio("/webhooks/twilio", form, PUBLIC_BASE_URL, AUTH_TOKEN);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/xml"));
        assertThat(response.body()).contains("<Response");
        awaitSettled(key, ++received);
        List<String> bodies = new ArrayList<>();
        List<Map<String, String>> all = TwilioSender.messagesTo(key.address());
        all.subList(before, all.size()).forEach(m -> bodies.add(m.get("Body")));
        assertThat(bodies).as("replies to " + text).isNotEmpty();
        return bodies;
    }

    /** An incoming SMS as Twilio posts it, with a new MessageSid. */
    static Map<String, String> form(String from, String body) {
        String currentSid = sid();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("ToCountry", "FR");
        form.put("SmsMessageSid", currentSid);
        form.put("NumMedia", "0");
        form.put("SmsStatus", "received");
        form.put("Body", body);
        form.put("FromCountry", "FR");
        form.put("To", SMS_FROM);
        form.put("NumSegments", "1");
        form.put("MessageSid", currentSid);
        form.put("AccountSid", ACCOUNT_SID);
        form.put("From", from);
        form.put("ApiVersion", "2010-04-01");
        return form;
    }

    HttpResponse<String> postTwilio(Map<String, String> form, String signature) {
        return send(HttpRequest.newBuilder(URI.create(local("/webhooks/twilio"))).timeout(WAIT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(TwilioForms.encode(form))).build());
    }

    static String sid() {
        return String.format("SM%032x", 0x5150000L + SIDS.incrementAndGet());
    }
}
