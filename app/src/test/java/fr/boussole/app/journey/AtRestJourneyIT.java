package fr.boussole.app.journey;

import fr.boussole.testing.TwilioForms;
import com.fasterxml.jackson.databind.JsonNode;
import fr.boussole.pipeline.rights.ConversationData;
import fr.boussole.store.request.RequestBook;
import fr.boussole.store.request.RequestView;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.rights.DataRights;
import fr.boussole.core.rights.DataSubject;
import fr.boussole.store.request.ContactRequestRecords;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Personal data at rest (docs/privacy.md): two whole journeys, one in the web chat ending with an
 * email, one by SMS ending with the phone number, each with a free text; then every document of every
 * collection is read raw through the driver. Fails when any of those values, the session id or the
 * phone's digits is found there in clear (a field left unsealed, an id or a key built from an
 * address), or when the console no longer shows the professional the clear values.
 */
class AtRestJourneyIT extends RunningBot {

    static final String SESSION = "atrest-session-Qz7Lm2Kx9";
    static final String EMAIL = "zephyrine.atrest@example.org";
    static final String PHONE = "+33612000777";
    static final String WEB_FREE_TEXT = "Bonjour, je suis Zephyrine Quartzlune";
    static final String SMS_FREE_TEXT = "Salut, ici Ondine Pervenchelac";
    /** What may not appear anywhere in the store, in any case. */
    static final List<String> SECRETS = List.of(EMAIL, "zephyrine", "quartzlune", SESSION, "612000777", "pervenchelac",
            "ondine");

    @Autowired
    RequestBook requestBook;
    @Autowired
    ContactRequestRecords records;
    @Autowired
    DataRights rights;

    int smsReceived;

    @Test
    void no_personal_value_is_stored_in_clear_and_the_professional_still_reads_them() {
        webJourney();
        smsJourney();

        List<String> found = new ArrayList<>();
        int documents = 0;
        for (String collection : mongo.getCollectionNames()) {
            for (Document doc : mongo.getCollection(collection).find()) {
                documents++;
                String raw = doc.toJson().toLowerCase(Locale.ROOT);
                SECRETS.stream().filter(secret -> raw.contains(secret.toLowerCase(Locale.ROOT)))
                        .forEach(secret -> found.add(collection + " " + doc.get("_id") + " holds " + secret));
            }
        }
        assertThat(documents).as("documents read").isGreaterThan(50);
        assertThat(found).as("personal values in clear in the store").isEmpty();

        // the professional reads them in clear, and a data subject's requests are found by lookup key
        var byEmail = records.findByContactLookup(personalData.lookupKey(EMAIL.toUpperCase(Locale.ROOT)));
        assertThat(byEmail).hasSize(1);
        RequestView web = requestBook.find(byEmail.getFirst().getId()).orElseThrow();
        assertThat(web.contactAddress()).isEqualTo(EMAIL);
        var byPhone = records.findByContactLookup(personalData.lookupKey("06 12 00 07 77"));
        assertThat(byPhone).hasSize(1);
        RequestView sms = requestBook.find(byPhone.getFirst().getId()).orElseThrow();
        assertThat(sms.contactAddress()).isEqualTo(PHONE);
        assertThat(sms.answers()).isNotEmpty().allSatisfy(answer -> assertThat(answer.labels()).isNotEmpty());
        assertThat(records.findByConversationLookup(personalData.lookupKey(Channel.WEB, SESSION))).hasSize(1);
        // every record of a data subject is found by the one eraser's lookups (keyed hashes), as an animateur's request would
        Map<String, Integer> ofPhone = rights.counts(DataSubject.parse("06 12 00 07 77").orElseThrow());
        assertThat(ofPhone).containsEntry(ConversationData.CONVERSATION, 1).containsEntry("contact-request", 1);
        assertThat(ofPhone.get(ConversationData.INBOUND_MESSAGE)).isEqualTo(smsReceived);
        assertThat(ofPhone.get(ConversationData.OUTBOUND_MESSAGE)).isGreaterThanOrEqualTo(smsReceived);
        Map<String, Integer> ofEmail = rights.counts(DataSubject.parse(EMAIL).orElseThrow());
        assertThat(ofEmail).as("the web conversation where the email was typed, and its request")
                .containsEntry(ConversationData.CONVERSATION, 1).containsEntry("contact-request", 1);
        assertThat(ofEmail.get(ConversationData.INBOUND_MESSAGE)).isGreaterThanOrEqualTo(6);
        // and the pipeline still reads its own records: the texts received, in order
        assertThat(inboundMessages.all(new ConversationKey(Channel.SMS, PHONE)).getFirst().inbound().text())
                .isEqualTo(SMS_FREE_TEXT);
    }


    private void webJourney() {
        List<JsonNode> last = webSay(WEB_FREE_TEXT);
        for (String text : List.of("23", "Cahors", "1")) {
            last = webSay(text);
        }
        for (int questions = 0; !last.getLast().get("choices").toString().contains("offre:"); questions++) {
            assertThat(questions).as("questions before the offers").isLessThan(4);
            last = webSay("1");
        }
        String offer = last.getLast().get("choices").get(0).get("id").asText();
        webChoose(offer);
        webChoose("contactez-moi");
        assertThat(webSay(EMAIL).getFirst().get("text").asText()).contains("C'est envoyé").contains(EMAIL);
    }

    private void smsJourney() {
        ConversationKey key = new ConversationKey(Channel.SMS, PHONE);
        smsSay(key, SMS_FREE_TEXT);
        smsSay(key, "22");
        smsSay(key, "Cahors");
        String last = smsSay(key, "1");
        for (int questions = 0; !last.contains("offres pour toi"); questions++) {
            assertThat(questions).as("questions before the offers").isLessThan(12);
            last = smsSay(key, "1");
        }
        smsSay(key, "1"); // the first offer: its card, with the consent for this number
        assertThat(smsSay(key, "1")).contains("C'est envoyé").contains(fr.boussole.core.message.PhoneNumbers.display(PHONE));
    }

    private List<JsonNode> webSay(String text) {
        return webPost("{\"text\":\"" + text + "\"}");
    }

    private List<JsonNode> webChoose(String id) {
        return webPost("{\"choice\":\"" + id + "\"}");
    }

    private List<JsonNode> webPost(String body) {
        HttpResponse<String> response = postJson("/api/chat/" + SESSION + "/messages", body,
                "X-Message-Id", "m-" + System.nanoTime());
        assertThat(response.statusCode()).as(body).isEqualTo(200);
        List<JsonNode> replies = new ArrayList<>();
        json(response.body()).get("replies").forEach(replies::add);
        return replies;
    }

    /** Sends one SMS through Twilio's signed webhook and returns the bodies sent back, joined. */
    private String smsSay(ConversationKey key, String text) {
        int before = TwilioSender.messagesTo(key.address()).size();
        Map<String, String> form = SmsJourneyIT.form(key.address(), text);
        HttpResponse<String> response = postTwilio("/webhooks/twilio", form, PUBLIC_BASE_URL, AUTH_TOKEN);
        assertThat(response.statusCode()).isEqualTo(200);
        awaitSettled(key, ++smsReceived);
        List<Map<String, String>> all = TwilioSender.messagesTo(key.address());
        return String.join("\n", all.subList(before, all.size()).stream().map(m -> m.get("Body")).toList());
    }
}
