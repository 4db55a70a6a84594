package fr.boussole.app.journey;

import com.fasterxml.jackson.databind.JsonNode;
import fr.boussole.app.testing.ConsoleBrowser;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A contact request made in the web chat reaches the organisation as a French email with a link;
 * the link opens the request without a password, a follow-up logged through its form is stored,
 * and the animateur of the territory, signed in with the demo account, sees it.
 */
class AlertJourneyIT extends RunningBot {

    static final String SESSION = "alert-journey-session-01";
    static final String EMAIL = "lea.alert@example.org";
    static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"[^>]*id=\"follow-up-form\"|<form[^>]*id=\"follow-up-form\"[^>]*action=\"([^\"]+)\"");
    static final Pattern LINK = Pattern.compile(Pattern.quote(PUBLIC_BASE_URL) + "(/console/[A-Za-z0-9_/.?=&%-]+)");

    @Test
    void a_web_chat_request_is_alerted_by_email_followed_up_through_the_link_and_seen_by_the_animateur() throws Exception {
        List<JsonNode> last = new ArrayList<>();
        for (String text : List.of("bonjour", "27", "Cahors", "1")) {
            last = say(text);
        }
        for (int questions = 0; !last.getLast().get("choices").toString().contains("offre:"); questions++) {
            assertThat(questions).as("only the questions that change the offers").isLessThan(4);
            last = say("1");
        }
        JsonNode offers = last.getLast();
        assertThat(offers.get("text").asText()).contains("offres");
        String offerChoice = offers.get("choices").get(0).get("id").asText();
        assertThat(offerChoice).startsWith("offre:");

        List<JsonNode> details = choose(offerChoice);
        assertThat(details.getLast().get("text").asText()).contains("On te contacte sous").contains("Si tu dis oui");
        choose("contactez-moi");
        List<JsonNode> done = say(EMAIL);
        assertThat(done.getFirst().get("text").asText()).startsWith("C'est envoyé").contains(EMAIL);

        Document request = await("the contact request stored", () -> contactRequestsOf(SESSION).stream().findFirst().orElse(null));
        String requestId = request.getString("_id");
        assertThat(request.getString("contactAddress")).isEqualTo(EMAIL);
        assertThat(request.getString("offerId")).isEqualTo(offerChoice.substring("offre:".length()));

        MimeMessage alert;
        try {
            alert = await("the alert email", () -> {
                // GreenMail lists messages mailbox by mailbox, not by arrival, and other journeys' alerts
                // arrive too: this one is the only request at 27 from Cahors
                for (MimeMessage message : SMTP.getReceivedMessages()) {
                    if (textOf(message, "text/plain").contains("Un jeune de 27 ans, à Cahors")) {
                        return message;
                    }
                }
                return null;
            });
        } catch (AssertionError e) {
            StringBuilder seen = new StringBuilder();
            for (MimeMessage m : SMTP.getReceivedMessages()) {
                String text = textOf(m, "text/plain");
                seen.append("\n---- ").append(m.getSubject()).append("\n").append(text, 0, Math.min(300, text.length()));
            }
            throw new AssertionError(e.getMessage() + "; mails received:" + seen, e);
        }
        String plain = textOf(alert, "text/plain");
        String html = textOf(alert, "text/html");
        assertThat(alert.getSubject()).isNotBlank();
        assertThat(plain).contains("demande").contains(PUBLIC_BASE_URL + "/console/alerte/").doesNotContain(EMAIL);
        assertThat(html).contains("<a").contains(PUBLIC_BASE_URL + "/console/");
        Matcher link = LINK.matcher(plain);
        assertThat(link.find()).as("a console link in the text part").isTrue();
        String path = link.group(1);
        assertThat(path).startsWith("/console/alerte/");

        ConsoleBrowser holder = new ConsoleBrowser(port);
        HttpResponse<String> page = holder.get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("lang=\"fr\"").contains("Cahors").contains(EMAIL).contains("follow-up-form");

        Map<String, String> followUp = new LinkedHashMap<>();
        followUp.put("_csrf", ConsoleBrowser.csrf(page.body()));
        followUp.put("at", "2026-11-23T15:30");
        followUp.put("means", "PHONE");
        followUp.put("comment", "Appel passé, rendez-vous fixé jeudi");
        followUp.put("outcome", "");
        HttpResponse<String> saved = holder.post(formAction(page.body()), followUp);
        assertThat(saved.statusCode()).isBetween(200, 399);

        Document after = contactRequest(requestId);
        assertThat(after.getString("status")).isEqualTo("IN_PROGRESS");
        assertThat(after.getList("followUps", Document.class)).singleElement()
                .satisfies(f -> assertThat(f.getString("comment")).isEqualTo("Appel passé, rendez-vous fixé jeudi"));

        ConsoleBrowser animateur = ConsoleBrowser.signedIn(port, "animatrice@boussole-lot.example.org");
        HttpResponse<String> seen = animateur.get("/console/demandes/" + requestId);
        assertThat(seen.statusCode()).isEqualTo(200);
        assertThat(seen.body()).contains("Appel passé, rendez-vous fixé jeudi");
        assertThat(animateur.get("/console/animation/tableau-de-bord").statusCode()).isEqualTo(200);

        // professionals see their own organisation's requests only
        String organisation = request.getString("organisationId");
        Document own = mongo.findOne(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("organisationId").is(organisation)
                        .and("role").is("PROFESSIONAL")), Document.class, "accounts");
        Document other = mongo.findOne(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("organisationId").ne(organisation)
                        .and("role").is("PROFESSIONAL")), Document.class, "accounts");
        assertThat(ConsoleBrowser.signedIn(port, own.getString("email")).get("/console/demandes/" + requestId).body()).contains("Appel passé, rendez-vous fixé jeudi");
        assertThat(ConsoleBrowser.signedIn(port, other.getString("email")).get("/console/demandes/" + requestId).statusCode()).isEqualTo(404);

        // "effacer" empties the conversation; the request stays with the organisation, as the consent text said
        List<JsonNode> erased = say("effacer");
        assertThat(erased).isNotEmpty();
        List<JsonNode> confirmed = erased.getLast().get("choices").isEmpty() ? erased : choose(erased.getLast().get("choices").get(0).get("id").asText());
        assertThat(confirmed).isNotEmpty();
        assertThat(mongo.findById(requestId, Document.class, "contactRequests")).isNotNull();
    }

    @Test
    void the_application_runs_every_module_for_real(@org.springframework.beans.factory.annotation.Autowired
                                                    org.springframework.context.ApplicationContext context) {
        assertThat(context.getBeansOfType(fr.boussole.core.conversation.ConversationEngine.class).values())
                .singleElement().satisfies(engine -> assertThat(engine.getClass().getName()).doesNotContain(".testing."));
        assertThat(context.getBeansOfType(fr.boussole.core.offer.ContactRequests.class).values())
                .singleElement().satisfies(store -> assertThat(store.getClass().getName()).startsWith("fr.boussole.store."));
        assertThat(context.getBeansOfType(fr.boussole.core.offer.ContactRequestAlerts.class).values())
                .singleElement().satisfies(alerts -> assertThat(alerts.getClass().getName()).startsWith("fr.boussole.store.promise."));
        assertThat(context.getBeansOfType(fr.boussole.core.delivery.Deliverer.class).values())
                .allSatisfy(deliverer -> assertThat(deliverer.getClass().getName()).doesNotContain(".testing."))
                .hasSizeGreaterThanOrEqualTo(4);
    }

    private List<JsonNode> say(String text) {
        return post("{\"text\":\"" + text + "\"}");
    }

    private List<JsonNode> choose(String id) {
        return post("{\"choice\":\"" + id + "\"}");
    }

    private List<JsonNode> post(String body) {
        HttpResponse<String> response = postJson("/api/chat/" + SESSION + "/messages", body);
        assertThat(response.statusCode()).as(body).isEqualTo(200);
        List<JsonNode> replies = new ArrayList<>();
        json(response.body()).get("replies").forEach(replies::add);
        assertThat(replies).as("replies to " + body).isNotEmpty();
        return replies;
    }

    private static String formAction(String html) {
        Matcher m = FORM_ACTION.matcher(html);
        assertThat(m.find()).as("the follow-up form").isTrue();
        return (m.group(1) != null ? m.group(1) : m.group(2)).replace("&amp;", "&");
    }

    static String textOf(Part part, String type) {
        try {
            if (part.isMimeType(type)) {
                return (String) part.getContent();
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    String found = textOf(child, type);
                    if (!found.isEmpty()) {
                        return found;
                    }
                }
            }
            return "";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
