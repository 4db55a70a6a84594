package fr.boussole.app.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same journey over Telegram: updates posted to the webhook with the secret header, inline
 * keyboards answered with callback queries, replies read where the Bot API receives them.
 */
class TelegramJourneyIT extends RunningBot {

    static final long CHAT = 700222333L;
    static final AtomicInteger UPDATES = new AtomicInteger(815100000);
    final ConversationKey key = new ConversationKey(Channel.TELEGRAM, Long.toString(CHAT));
    int received;

    @Test
    void from_start_to_a_recorded_contact_request_with_inline_keyboards() {
        List<JsonNode> replies = message("/start");
        assertThat(replies.getFirst().path("text").asText()).contains("Boussole des jeunes");
        assertThat(message("22").getLast().path("text").asText()).contains("commune");

        JsonNode communes = message("46100").getLast();
        assertThat(communes.path("text").asText()).contains("plusieurs communes");
        assertThat(buttons(communes)).contains("Figeac");
        JsonNode themes = press(communes, buttons(communes).indexOf("Figeac")).getLast();
        assertThat(themes.path("text").asText()).contains("Figeac");
        assertThat(buttons(themes)).containsExactly("Emploi", "Formation", "Logement", "Santé", "Mobilité internationale");

        JsonNode last = press(themes, 3).getLast();
        int questions = 0;
        while (!last.path("text").asText().contains("offre")) {
            assertThat(buttons(last)).as("a question with an inline keyboard: " + last.path("text").asText()).isNotEmpty();
            last = press(last, 0).getLast();
            assertThat(++questions).as("questions before the offers").isLessThan(4);
        }
        assertThat(buttons(last)).hasSizeGreaterThanOrEqualTo(2);
        // The card says what a request sends to whom: its first button, "Oui, contactez-moi", is the yes.
        // (One offer found: its card comes at once, without a list of one.)
        JsonNode details = buttons(last).contains("Oui, contactez-moi") ? last : press(last, 0).getLast();
        assertThat(details.path("text").asText()).contains("On te contacte sous").contains("Si tu dis oui");
        JsonNode how = press(details, 0).getLast();
        JsonNode share = how.path("reply_markup").path("keyboard").path(0).path(0);
        assertThat(share.path("request_contact").asBoolean()).as("a contact-sharing button").isTrue();
        List<JsonNode> done = shareContact("33612340003");
        assertThat(done.getFirst().path("text").asText()).contains("C'est envoyé").contains("06 12 34 00 03");

        assertThat(PROVIDERS.findAll(postRequestedFor(urlMatching("(?i)/bot[^/]+/answercallbackquery")))).isNotEmpty();
        List<Document> requests = contactRequestsOf(Long.toString(CHAT));
        assertThat(requests).hasSize(1);
        Document request = requests.getFirst();
        assertThat(request.getString("channel")).isEqualTo("TELEGRAM");
        assertThat(request.getString("theme")).isEqualTo("sante");
        assertThat(request.getString("contactAddress")).isEqualTo("+33612340003");
        assertThat(request.getInteger("questionnaireVersion")).isPositive();
        assertThat(request.get("consent", Document.class).getString("channel")).isEqualTo("TELEGRAM");
        // "C'est urgent ?" was answered with its first choice, "Oui, très": the request is urgent.
        assertThat(request.getBoolean("urgent")).isTrue();
    }

    @Test
    void a_wrong_secret_is_refused_and_nothing_is_stored() {
        long chat = 700999888L;
        String update = "{\"update_id\":815199999,\"message\":{\"message_id\":1,\"from\":{\"id\":" + chat + ",\"is_bot\":false,\"first_name\":\"Tom\"},"
                + "\"chat\":{\"id\":" + chat + ",\"first_name\":\"Tom\",\"type\":\"private\"},\"date\":1795427990,\"text\":\"bonjour\"}}";
        assertThat(postJson("/webhooks/telegram", update, "X-Telegram-Bot-Api-Secret-Token", "not-the-secret").statusCode()).isEqualTo(403);
        assertThat(postJson("/webhooks/telegram", update).statusCode()).isEqualTo(403);
        assertThat(inboundMessages.all(new ConversationKey(Channel.TELEGRAM, Long.toString(chat)))).isEmpty();
        assertThat(sentTo(chat)).isEmpty();
    }

    @Test
    void the_same_update_delivered_twice_is_answered_once() {
        long chat = 700333444L;
        String update = "{\"update_id\":815188888,\"message\":{\"message_id\":5,\"from\":{\"id\":" + chat + ",\"is_bot\":false,\"first_name\":\"Tom\"},"
                + "\"chat\":{\"id\":" + chat + ",\"first_name\":\"Tom\",\"type\":\"private\"},\"date\":1795427990,\"text\":\"salut\"}}";
        assertThat(postJson("/webhooks/telegram", update, "X-Telegram-Bot-Api-Secret-Token", TELEGRAM_SECRET).statusCode()).isEqualTo(200);
        awaitSettled(new ConversationKey(Channel.TELEGRAM, Long.toString(chat)), 1);
        int answered = sentTo(chat).size();
        assertThat(postJson("/webhooks/telegram", update, "X-Telegram-Bot-Api-Secret-Token", TELEGRAM_SECRET).statusCode()).isEqualTo(200);
        awaitSettled(new ConversationKey(Channel.TELEGRAM, Long.toString(chat)), 1);
        assertThat(sentTo(chat)).hasSize(answered);
        assertThat(answered).isGreaterThanOrEqualTo(2);
    }

    List<JsonNode> message(String text) {
        int id = UPDATES.incrementAndGet();
        String update = "{\"update_id\":" + id + ",\"message\":{\"message_id\":" + id + ",\"from\":{\"id\":" + CHAT
                + ",\"is_bot\":false,\"first_name\":\"Léa\",\"language_code\":\"fr\"},\"chat\":{\"id\":" + CHAT
                + ",\"first_name\":\"Léa\",\"type\":\"private\"},\"date\":1795427990,\"text\":" + quoted(text) + "}}";
        return post(update);
    }

    /** Taps the contact-sharing button: Telegram sends the user's own contact, number without "+". */
    List<JsonNode> shareContact(String phoneNumber) {
        int id = UPDATES.incrementAndGet();
        String update = "{\"update_id\":" + id + ",\"message\":{\"message_id\":" + id + ",\"from\":{\"id\":" + CHAT
                + ",\"is_bot\":false,\"first_name\":\"Léa\",\"language_code\":\"fr\"},\"chat\":{\"id\":" + CHAT
                + ",\"first_name\":\"Léa\",\"type\":\"private\"},\"date\":1795428020,\"contact\":{\"phone_number\":"
                + quoted(phoneNumber) + ",\"first_name\":\"Léa\",\"user_id\":" + CHAT + "}}}";
        return post(update);
    }

    /** Presses the n-th button of the message's inline keyboard (buttons counted row by row). */
    List<JsonNode> press(JsonNode sent, int n) {
        List<JsonNode> all = new java.util.ArrayList<>();
        sent.path("reply_markup").path("inline_keyboard").forEach(row -> row.forEach(all::add));
        assertThat(all).as("inline keyboard of " + sent.path("text").asText()).hasSizeGreaterThan(n);
        int id = UPDATES.incrementAndGet();
        String update = "{\"update_id\":" + id + ",\"callback_query\":{\"id\":\"30065124192363" + id + "\",\"from\":{\"id\":" + CHAT
                + ",\"is_bot\":false,\"first_name\":\"Léa\",\"language_code\":\"fr\"},\"message\":{\"message_id\":77,\"from\":{\"id\":123456789,"
                + "\"is_bot\":true,\"first_name\":\"Boussole\",\"username\":\"boussole_bot\"},\"chat\":{\"id\":" + CHAT
                + ",\"first_name\":\"Léa\",\"type\":\"private\"},\"date\":1795428010,\"text\":" + quoted(sent.path("text").asText())
                + "},\"chat_instance\":\"-5718233404420339185\",\"data\":" + quoted(all.get(n).path("callback_data").asText()) + "}}";
        return post(update);
    }

    private List<JsonNode> post(String update) {
        int before = sentTo(CHAT).size();
        HttpResponse<String> response = postJson("/webhooks/telegram", update, "X-Telegram-Bot-Api-Secret-Token", TELEGRAM_SECRET);
        assertThat(response.statusCode()).isEqualTo(200);
        awaitSettled(key, ++received);
        List<JsonNode> all = sentTo(CHAT);
        assertThat(all.size()).as("replies to " + update).isGreaterThan(before);
        return all.subList(before, all.size());
    }

    static List<String> buttons(JsonNode sent) {
        List<String> labels = new java.util.ArrayList<>();
        sent.path("reply_markup").path("inline_keyboard").forEach(row -> row.forEach(b -> labels.add(b.path("text").asText())));
        return labels;
    }

    static List<JsonNode> sentTo(long chat) {
        List<LoggedRequest> all = PROVIDERS.findAll(postRequestedFor(urlMatching("(?i)/bot[^/]+/sendmessage")));
        return all.stream().map(r -> json(r.getBodyAsString())).filter(b -> b.path("chat_id").asText().equals(Long.toString(chat))).toList();
    }

    static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
