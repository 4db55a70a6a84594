package fr.boussole.app.journey;

import fr.boussole.testing.TwilioForms;
import com.fasterxml.jackson.databind.JsonNode;
import fr.boussole.app.testing.ConsoleBrowser;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The young people's data rights, end to end on the whole application: two young people leave data
 * in every collection (SMS conversations, a web chat, contact requests, alerts, audit entries); the
 * animateur looks one of them up, exports and erases them through the console over HTTP; then the
 * store, read raw, holds nothing of the erased one (phone number in any form, texts they typed),
 * everything of the other, and the statistics of both. Fails if any collection keeps the erased
 * person's phone or words, if the export misses a kind of data, if erasure touches someone else, if
 * the anonymous statistics go with the person, or if a professional reaches the page.
 */
class DataRightsIT extends RunningBot {

    static final String PHONE_A = "+33612000701";
    static final String PHONE_B = "+33612000702";
    static final String WORD_A = "zorglubette";
    static final String WORD_B = "zigomarette";
    static final String SESSION_A = "rights-web-session-a-0001";

    @Test
    void the_animateur_exports_then_erases_one_young_person_and_only_them() throws Exception {
        ConversationKey smsA = new ConversationKey(Channel.SMS, PHONE_A);
        ConversationKey smsB = new ConversationKey(Channel.SMS, PHONE_B);
        smsJourney(smsA, WORD_A);
        smsJourney(smsB, WORD_B);
        webJourneyLeavingPhone(SESSION_A, "06 12 00 07 01");
        assertThat(requestsWithContact(PHONE_A)).hasSize(2);
        assertThat(requestsWithContact(PHONE_B)).hasSize(1);
        String requestOfA = requestsWithContact(PHONE_A).getFirst().getString("_id");
        long searches = mongo.getCollection("searches").countDocuments();
        long requests = mongo.getCollection("contactRequests").countDocuments();

        ConsoleBrowser professional = ConsoleBrowser.signedIn(port, "conseiller@mission-locale-quercy.example.org");
        professional.get("/console/demandes/" + requestOfA); // an audit entry about A's request
        assertThat(professional.get("/console/animation/donnees").statusCode()).as("professionals are refused").isEqualTo(403);

        ConsoleBrowser animateur = ConsoleBrowser.signedIn(port, "animatrice@boussole-lot.example.org");
        HttpResponse<String> page = animateur.get("/console/animation/donnees");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(animateur.get("/console/animation/tableau-de-bord").body()).contains("/console/animation/donnees");

        HttpResponse<String> held = animateur.post("/console/animation/donnees",
                Map.of("_csrf", ConsoleBrowser.csrf(page.body()), "personne", "06 12 00 07 01"));
        assertThat(held.statusCode()).isEqualTo(200);
        assertThat(held.body()).contains(PHONE_A).contains("Conversations").contains("Demandes de contact")
                .contains("Messages reçus du jeune").doesNotContain(WORD_A).contains("id=\"erase\"");

        HttpResponse<String> export = animateur.post("/console/animation/donnees/export",
                Map.of("_csrf", ConsoleBrowser.csrf(held.body()), "personne", "+33 6 12 00 07 01"));
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Disposition").orElse("")).contains("attachment").contains(".json");
        JsonNode exported = json(export.body());
        assertThat(exported.path("Personne concernée").asText()).isEqualTo(PHONE_A);
        JsonNode data = exported.path("Données");
        assertThat(data.path("Conversations")).hasSize(2);
        assertThat(data.path("Demandes de contact")).hasSize(2)
                .allSatisfy(r -> assertThat(r.path("Coordonnées laissées").asText()).isEqualTo(PHONE_A));
        assertThat(data.path("Messages reçus du jeune").toString()).contains(WORD_A).contains("Cahors").doesNotContain(WORD_B);
        assertThat(data.path("Messages envoyés au jeune").toString()).contains("Boussole des jeunes");
        assertThat(export.body()).doesNotContain(PHONE_B);

        HttpResponse<String> unconfirmed = animateur.post("/console/animation/donnees/effacement",
                Map.of("_csrf", ConsoleBrowser.csrf(held.body()), "personne", PHONE_A));
        assertThat(unconfirmed.body()).contains("id=\"not-confirmed\"");
        assertThat(requestsWithContact(PHONE_A)).as("nothing erased without confirmation").hasSize(2);

        HttpResponse<String> erased = animateur.post("/console/animation/donnees/effacement",
                Map.of("_csrf", ConsoleBrowser.csrf(held.body()), "personne", "0612000701", "confirmation", "oui"));
        assertThat(erased.statusCode()).isEqualTo(200);
        assertThat(erased.body()).contains("id=\"erased\"");

        for (String collection : mongo.getCollectionNames()) {
            for (Document doc : mongo.getCollection(collection).find()) {
                String raw = doc.toJson();
                for (String trace : List.of("612000701", "6 12 00 07 01", WORD_A, SESSION_A)) {
                    assertThat(raw).as(collection + " keeps nothing of A").doesNotContain(trace);
                }
            }
        }
        assertThat(mongo.findById(personalData.conversationRef(smsB), Document.class, "conversations")).as("B's conversation").isNotNull();
        assertThat(inboundMessages.all(smsB)).extracting(m -> m.inbound().text()).contains(WORD_B, "Cahors");
        assertThat(outbox.entries(smsB)).allSatisfy(e -> assertThat(e.getString("recipient")).isEqualTo(PHONE_B));
        assertThat(requestsWithContact(PHONE_B)).singleElement()
                .satisfies(r -> assertThat(r.getBoolean("anonymised", false)).isFalse());

        assertThat(mongo.getCollection("searches").countDocuments()).as("searches are anonymous: kept").isEqualTo(searches);
        assertThat(mongo.getCollection("contactRequests").countDocuments()).as("requests kept as statistics").isEqualTo(requests);
        Document statistic = mongo.findById(requestOfA, Document.class, "contactRequests");
        assertThat(statistic.getBoolean("anonymised")).isTrue();
        assertThat(statistic.getString("theme")).isEqualTo("emploi");
        assertThat(statistic.getString("territoryId")).isNotBlank();
        assertThat(statistic.getString("offerId")).isNotBlank();
        assertThat(statistic.getString("organisationId")).isNotBlank();
        assertThat(statistic.get("createdAt")).isNotNull();
        assertThat(statistic.getString("status")).isNotBlank();
        assertThat(statistic.getString("ageBand")).isIn("18-21", "26-30");
        assertThat(statistic.getInteger("age")).isZero();

        List<Document> audit = mongo.find(Query.query(Criteria.where("action").in("PERSONAL_DATA_EXPORTED", "PERSONAL_DATA_ERASED")),
                Document.class, "console_audit_log");
        assertThat(audit).extracting(a -> a.getString("action")).containsExactlyInAnyOrder("PERSONAL_DATA_EXPORTED", "PERSONAL_DATA_ERASED");

        HttpResponse<String> again = animateur.post("/console/animation/donnees",
                Map.of("_csrf", ConsoleBrowser.csrf(erased.body()), "personne", PHONE_A));
        assertThat(again.body()).contains("id=\"nothing\"");
        receivedBy.remove(smsA);
        assertThat(say(smsA, "bonjour")).as("A may come back: a fresh conversation").anySatisfy(reply ->
                assertThat(reply).contains("Boussole des jeunes"));
    }

    @Test
    void effacer_by_message_goes_through_the_same_eraser_and_leaves_the_request_with_the_organisation() {
        ConversationKey sms = new ConversationKey(Channel.SMS, "+33612000703");
        smsJourney(sms, "motdepasse-secret");
        assertThat(say(sms, "effacer")).anySatisfy(reply -> assertThat(reply).contains("effacé"));

        assertThat(inboundMessages.all(sms)).extracting(m -> m.inbound().text()).containsOnly("");
        List<Document> sent = outbox.entries(sms);
        assertThat(sent.subList(0, sent.size() - 1)).as("the replies before the request to erase")
                .allSatisfy(e -> assertThat(e.get("payload", Document.class).getString("text")).isEmpty());
        assertThat(sent.getLast().get("payload", Document.class).getString("text")).as("the confirmation itself is sent")
                .contains("effacé");
        assertThat(requestsWithContact(sms.address())).as("the consent text promises the request stays").singleElement()
                .satisfies(r -> assertThat(r.getBoolean("anonymised", false)).isFalse());
    }

    /**
     * Fails if an erasure leaves the number's WhatsApp service window (its keyed hash, when it last wrote, when a
     * template went), which only its 30-day retention removed: asked by message from WhatsApp, the window keeps
     * only when the young person last wrote (the bot answers that very message inside it, as a free message),
     * the template sent before goes; erased as a person, the window goes.
     */
    @Test
    void an_erasure_takes_the_numbers_whatsapp_window_with_it() {
        String phone = "+33612000704";
        ConversationKey whatsApp = new ConversationKey(Channel.WHATSAPP, phone);
        String window = personalData.lookupKey(Channel.WHATSAPP, phone);
        assertThat(sayOnWhatsApp(whatsApp, "bonjour")).isNotEmpty();
        mongo.updateFirst(Query.query(Criteria.where("_id").is(window)),
                new org.springframework.data.mongodb.core.query.Update().set("reengagedAt", new java.util.Date(0)),
                "whatsapp_service_windows");

        assertThat(sayOnWhatsApp(whatsApp, "effacer")).as("the confirmation goes as a free message, inside the window")
                .anySatisfy(reply -> assertThat(reply).contains("effacé"));
        Document kept = mongo.findById(window, Document.class, "whatsapp_service_windows");
        assertThat(kept).as("the conversation goes on: when the young person last wrote stays").isNotNull();
        assertThat(kept.get("lastInboundAt")).isNotNull();
        assertThat(kept.containsKey("reengagedAt")).as("the template sent before the request to erase").isFalse();

        rights.erase(new fr.boussole.core.rights.DataSubject.Phone(phone), java.time.Instant.now());
        assertThat(mongo.findById(window, Document.class, "whatsapp_service_windows")).as("erased as a person").isNull();
    }

    @org.springframework.beans.factory.annotation.Autowired
    fr.boussole.core.rights.DataRights rights;

    List<String> sayOnWhatsApp(ConversationKey key, String text) {
        String to = "whatsapp:" + key.address();
        int before = TwilioSender.messagesTo(to).size();
        Map<String, String> form = new java.util.LinkedHashMap<>(SmsJourneyIT.form(key.address(), text));
        form.put("From", to);
        form.put("To", "whatsapp:" + WHATSAPP_FROM);
        form.put("WaId", key.address().substring(1));
        assertThat(postTwilio("/webhooks/twilio", form, PUBLIC_BASE_URL, AUTH_TOKEN).statusCode()).isEqualTo(200);
        awaitSettled(key, receivedBy.merge(key, 1, Integer::sum));
        List<Map<String, String>> all = TwilioSender.messagesTo(to);
        return all.subList(before, all.size()).stream().map(m -> String.valueOf(m.get("Body"))).toList();
    }

    // --- the young people ---

    final Map<ConversationKey, Integer> receivedBy = new java.util.HashMap<>();

    /** From a distinctive first word to a contact request by phone, by SMS. */
    void smsJourney(ConversationKey key, String word) {
        say(key, word);
        say(key, "20");
        say(key, "Cahors");
        List<String> last = say(key, "1");
        for (int i = 0; i < 12 && !String.join("\n", last).contains("offres pour toi"); i++) {
            last = say(key, "1");
        }
        say(key, "1"); // the first offer: its card, with the consent for this number
        assertThat(String.join("\n", say(key, "1"))).contains("C'est envoyé"); // "1. Oui, contactez-moi"
    }

    List<String> say(ConversationKey key, String text) {
        int before = TwilioSender.messagesTo(key.address()).size();
        Map<String, String> form = SmsJourneyIT.form(key.address(), text);
        HttpResponse<String> response = postTwilio("/webhooks/twilio", form, PUBLIC_BASE_URL, AUTH_TOKEN);
        assertThat(response.statusCode()).isEqualTo(200);
        awaitSettled(key, receivedBy.merge(key, 1, Integer::sum));
        List<Map<String, String>> all = TwilioSender.messagesTo(key.address());
        return all.subList(before, all.size()).stream().map(m -> m.get("Body")).toList();
    }

    void webJourneyLeavingPhone(String session, String phone) {
        List<JsonNode> last = chat(session, "{\"text\":\"bonjour\"}");
        chat(session, "{\"text\":\"27\"}");
        chat(session, "{\"text\":\"Cahors\"}");
        last = chat(session, "{\"text\":\"1\"}");
        for (int i = 0; i < 12 && !last.getLast().path("choices").toString().contains("offre:"); i++) {
            last = chat(session, "{\"text\":\"1\"}");
        }
        String offer = last.getLast().get("choices").get(0).get("id").asText();
        chat(session, "{\"choice\":\"" + offer + "\"}");
        chat(session, "{\"choice\":\"contactez-moi\"}");
        assertThat(chat(session, "{\"text\":\"" + phone + "\"}").getFirst().get("text").asText()).startsWith("C'est envoyé");
        await("the web request stored", () -> !contactRequestsOf(session).isEmpty());
    }

    List<JsonNode> chat(String session, String body) {
        HttpResponse<String> response = postJson("/api/chat/" + session + "/messages", body);
        assertThat(response.statusCode()).as(body).isEqualTo(200);
        List<JsonNode> replies = new ArrayList<>();
        json(response.body()).get("replies").forEach(replies::add);
        return replies;
    }

    List<Document> requestsWithContact(String contact) {
        // the contact is sealed at rest: found by its keyed hash
        return mongo.find(Query.query(Criteria.where("contactLookup").is(personalData.lookupKey(contact))),
                Document.class, "contactRequests");
    }

    // --- the console ---
}
