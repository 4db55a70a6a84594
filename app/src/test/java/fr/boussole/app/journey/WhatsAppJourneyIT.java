package fr.boussole.app.journey;

import fr.boussole.testing.TwilioForms;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same journey over WhatsApp: typed answers where the bot asks for text, taps where it sent
 * Content API quick replies or list pickers, answered as WhatsApp posts them (ButtonPayload / ListId).
 */
class WhatsAppJourneyIT extends RunningBot {

    static final AtomicInteger SIDS = new AtomicInteger();
    static final String PHONE = "+33698000201";
    static final String WA = "whatsapp:" + PHONE;
    final ConversationKey key = new ConversationKey(Channel.WHATSAPP, PHONE);
    int received;

    /** One reply as Twilio got it: a plain body, or rich content with its choices. */
    record Reply(String body, String type, List<String[]> choices) {
        boolean rich() {
            return type != null;
        }
    }

    @Test
    void from_bonjour_to_a_recorded_contact_request_by_whatsapp_taps() {
        List<Reply> replies = text("bonjour");
        assertThat(replies.getFirst().body()).contains("Boussole des jeunes");
        assertThat(replies.getLast().body()).contains("quel âge");
        assertThat(replies).noneMatch(Reply::rich);
        assertThat(text("19").getLast().body()).contains("commune");

        Reply themes = text("Figeac").getLast();
        assertThat(themes.rich()).isTrue();
        assertThat(themes.body()).contains("Figeac");
        assertThat(themes.choices()).extracting(c -> c[0])
                .containsExactly("emploi", "formation", "logement", "sante", "mobilite-internationale");

        assertThat(themes.type()).isEqualTo("twilio/list-picker");

        // Choices whose labels fit WhatsApp's limits come as taps; longer ones (offers, some answers)
        // as numbered text, answered by number, as on SMS.
        Reply last = tap(themes, "logement").getLast();
        int questions = 0;
        while (!last.body().contains("offres pour toi")) {
            last = last.rich() ? tap(last, last.choices().getFirst()[0]).getLast() : text("1").getLast();
            assertThat(++questions).as("questions before the offers").isLessThan(4);
        }
        assertThat(last.type()).as("offers as a list of short titles").isEqualTo("twilio/list-picker");
        Reply details = tap(last, last.choices().getFirst()[0]).getLast();
        assertThat(details.body()).contains("On te contacte sous").contains("Si tu dis oui");
        assertThat(details.type()).isEqualTo("twilio/quick-reply");
        assertThat(details.choices()).extracting(c -> c[0]).containsExactly("contactez-moi", "autres-offres");
        List<Reply> done = tap(details, "contactez-moi");
        assertThat(done.getFirst().body()).contains("C'est envoyé");

        List<Document> requests = contactRequestsOf(PHONE);
        assertThat(requests).hasSize(1);
        Document request = requests.getFirst();
        assertThat(request.getString("channel")).isEqualTo("WHATSAPP");
        assertThat(request.getString("theme")).isEqualTo("logement");
        assertThat(request.getString("offerId")).isNotBlank();
        assertThat(request.getString("contactAddress")).isEqualTo(PHONE);
        assertThat(request.getInteger("questionnaireVersion")).isPositive();
        assertThat(request.get("consent", Document.class).getString("channel")).isEqualTo("WHATSAPP");
        assertThat(TwilioSender.messagesTo(WA)).allSatisfy(m -> assertThat(m.get("From")).isEqualTo("whatsapp:" + WHATSAPP_FROM));
    }

    List<Reply> text(String body) {
        Map<String, String> form = form(body);
        return post(form);
    }

    List<Reply> tap(Reply question, String id) {
        String[] choice = question.choices().stream().filter(c -> c[0].equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no choice " + id + " in " + question));
        Map<String, String> form = form(choice[1]);
        if ("twilio/list-picker".equals(question.type())) {
            form.put("MessageType", "interactive");
            form.put("ListId", choice[0]);
            form.put("ListTitle", choice[1]);
        } else {
            form.put("MessageType", "button");
            form.put("ButtonPayload", choice[0]);
            form.put("ButtonText", choice[1]);
        }
        return post(form);
    }

    private List<Reply> post(Map<String, String> form) {
        int before = TwilioSender.messagesTo(WA).size();
        assertThat(postTwilio("/webhooks/twilio", form, PUBLIC_BASE_URL, AUTH_TOKEN).statusCode()).isEqualTo(200);
        awaitSettled(key, ++received);
        List<Map<String, String>> all = TwilioSender.messagesTo(WA);
        List<Reply> replies = all.subList(before, all.size()).stream().map(WhatsAppJourneyIT::reply).toList();
        assertThat(replies).as("replies to " + form.get("Body")).isNotEmpty();
        return replies;
    }

    static Map<String, String> form(String body) {
        String sid = String.format("SM%032x", 0xa0a0000L + SIDS.incrementAndGet());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("SmsMessageSid", sid);
        form.put("NumMedia", "0");
        form.put("ProfileName", "Lea");
        form.put("MessageType", "text");
        form.put("SmsSid", sid);
        form.put("WaId", PHONE.substring(1));
        form.put("SmsStatus", "received");
        form.put("Body", body);
        form.put("To", "whatsapp:" + WHATSAPP_FROM);
        form.put("NumSegments", "1");
        form.put("ReferralNumMedia", "0");
        form.put("MessageSid", sid);
        form.put("AccountSid", ACCOUNT_SID);
        form.put("From", WA);
        form.put("ApiVersion", "2010-04-01");
        return form;
    }

    /** Reads a Messages.json call; for a ContentSid, finds the content the bot created with it. */
    static Reply reply(Map<String, String> message) {
        String sid = message.get("ContentSid");
        if (sid == null) {
            return new Reply(message.get("Body"), null, List.of());
        }
        for (ServeEvent event : PROVIDERS.getAllServeEvents()) {
            if (!event.getRequest().getUrl().startsWith("/v1/Content")) {
                continue;
            }
            if (!sid.equals(json(event.getResponse().getBodyAsString()).path("sid").asText())) {
                continue;
            }
            JsonNode types = json(event.getRequest().getBodyAsString()).path("types");
            List<String[]> choices = new ArrayList<>();
            JsonNode quick = types.path("twilio/quick-reply");
            if (!quick.isMissingNode()) {
                quick.path("actions").forEach(a -> choices.add(new String[] {a.path("id").asText(), a.path("title").asText()}));
                return new Reply(quick.path("body").asText(), "twilio/quick-reply", choices);
            }
            JsonNode list = types.path("twilio/list-picker");
            if (!list.isMissingNode()) {
                list.path("items").forEach(i -> choices.add(new String[] {i.path("id").asText(), i.path("item").asText()}));
                return new Reply(list.path("body").asText(), "twilio/list-picker", choices);
            }
            throw new AssertionError("content of an unexpected type: " + types);
        }
        throw new AssertionError("ContentSid " + sid + " was never created through /v1/Content");
    }
}
