package fr.boussole.app.journey;

import fr.boussole.testing.TwilioForms;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 200 kB bodies on the four public endpoints, declared or chunked, are refused with 413 and a short
 * body, and nothing of them is stored. Fails when the size guard (app/web/RequestSizeFilter) is
 * removed, lets a chunked body through, or when a body under the limit no longer reaches its endpoint.
 */
class OversizedBodyIT extends RunningBot {

    static final int TWO_HUNDRED_KB = 200 * 1024;

    @ParameterizedTest(name = "chunked={0}")
    @ValueSource(booleans = {false, true})
    void a_200_kB_twilio_message_is_refused_with_413_and_not_stored(boolean chunked) {
        String phone = chunked ? "+33611100002" : "+33611100001";
        Map<String, String> form = twilioForm(phone, "a".repeat(TWO_HUNDRED_KB));
        RawHttp.Answer answer = twilio("/webhooks/twilio", form, chunked);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body()).hasSizeLessThan(200).contains("too large");
        assertThat(inboundMessages.all(new ConversationKey(Channel.SMS, phone))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/webhooks/%74wilio", "/webhooks/./twilio", "/webhooks/twilio;x=y", "/api/chat/%6Fversized-encoded/messages"})
    void a_path_spelled_otherwise_gets_the_same_limit_or_no_endpoint(String path) {
        RawHttp.Answer answer = RawHttp.post(port, path, Map.of("Content-Type", "application/x-www-form-urlencoded"),
                ("Body=" + "a".repeat(TWO_HUNDRED_KB)).getBytes(StandardCharsets.UTF_8), false);

        // 403 would mean the body reached the Twilio controller (no signature) around its limit
        assertThat(answer.status()).isIn(400, 404, 413);
    }

    @ParameterizedTest(name = "chunked={0}")
    @ValueSource(booleans = {false, true})
    void a_200_kB_status_callback_is_refused_with_413(boolean chunked) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", "SM" + "0".repeat(32));
        form.put("MessageStatus", "delivered");
        form.put("Padding", "p".repeat(TWO_HUNDRED_KB));
        assertThat(twilio("/webhooks/twilio/status", form, chunked).status()).isEqualTo(413);
    }

    @ParameterizedTest(name = "chunked={0}")
    @ValueSource(booleans = {false, true})
    void a_200_kB_telegram_update_is_refused_with_413_and_not_stored(boolean chunked) {
        long chat = chunked ? 711000002L : 711000001L;
        String update = TelegramPayloads.text(816000000L + chat % 10, chat, "x".repeat(TWO_HUNDRED_KB));
        RawHttp.Answer answer = RawHttp.post(port, "/webhooks/telegram", Map.of("Content-Type", "application/json",
                "X-Telegram-Bot-Api-Secret-Token", TELEGRAM_SECRET), update.getBytes(StandardCharsets.UTF_8), chunked);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body()).hasSizeLessThan(200).contains("too large");
        assertThat(inboundMessages.all(new ConversationKey(Channel.TELEGRAM, Long.toString(chat)))).isEmpty();
    }

    @ParameterizedTest(name = "chunked={0}")
    @ValueSource(booleans = {false, true})
    void a_200_kB_chat_message_is_refused_with_413_and_a_json_error(boolean chunked) {
        String session = chunked ? "oversized-chunked" : "oversized-declared";
        byte[] body = ("{\"text\":\"" + "y".repeat(TWO_HUNDRED_KB) + "\"}").getBytes(StandardCharsets.UTF_8);
        RawHttp.Answer answer = RawHttp.post(port, "/api/chat/" + session + "/messages",
                Map.of("Content-Type", "application/json"), body, chunked);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(json(answer.body()).path("error").asText()).isEqualTo("too-large");
        assertThat(json(answer.body()).path("message").asText()).contains("trop long");
        assertThat(inboundMessages.all(new ConversationKey(Channel.WEB, session))).isEmpty();
    }

    @Test
    void a_small_chunked_twilio_form_still_reaches_the_inbox_once() {
        String phone = "+33611100003";
        RawHttp.Answer answer = twilio("/webhooks/twilio", twilioForm(phone, "bonjour é 😀"), true);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("<Response/>");
        assertThat(inboundMessages.all(new ConversationKey(Channel.SMS, phone))).singleElement()
                .satisfies(m -> assertThat(m.inbound().text()).isEqualTo("bonjour é 😀"));
    }

    @ParameterizedTest(name = "chunked={0}")
    @ValueSource(booleans = {false, true})
    void a_form_that_is_not_utf8_is_refused_with_400_whether_chunked_or_not(boolean chunked) {
        Map<String, String> form = twilioForm("+33611100004", "x");
        form.remove("Body");
        String signature = TwilioForms.sign(AUTH_TOKEN, PUBLIC_BASE_URL + "/webhooks/twilio", form);
        RawHttp.Answer answer = RawHttp.post(port, "/webhooks/twilio", Map.of("Content-Type", "application/x-www-form-urlencoded",
                "X-Twilio-Signature", signature), (TwilioForms.encode(form) + "&Body=%C0%AF").getBytes(StandardCharsets.UTF_8), chunked);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("malformed form");
        assertThat(inboundMessages.all(new ConversationKey(Channel.SMS, "+33611100004"))).isEmpty();
    }

    @Test
    void a_5000_character_chat_text_is_refused_by_rule_with_413_though_its_body_is_under_the_limit() {
        RawHttp.Answer answer = RawHttp.post(port, "/api/chat/long-text-session/messages", Map.of("Content-Type", "application/json"),
                ("{\"text\":\"" + "a".repeat(5_000) + "\"}").getBytes(StandardCharsets.UTF_8), false);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(json(answer.body()).path("error").asText()).isEqualTo("too-large");
        assertThat(inboundMessages.all(new ConversationKey(Channel.WEB, "long-text-session"))).isEmpty();
    }

    @Test
    void the_longest_texts_the_providers_send_are_taken_whole() {
        String whatsapp = "😀é".repeat(1_365) + "a"; // 4,096 UTF-16 units, ~28 kB percent-encoded
        String phone = "+33611100005";
        assertThat(twilio("/webhooks/twilio", twilioForm("whatsapp:" + phone, whatsapp), false).status()).isEqualTo(200);
        assertThat(inboundMessages.all(new ConversationKey(Channel.WHATSAPP, phone))).singleElement()
                .satisfies(m -> assertThat(m.inbound().text()).isEqualTo(whatsapp));

        long chat = 711000005L;
        String telegram = TelegramPayloads.text(816100005L, chat, whatsapp);
        assertThat(postJson("/webhooks/telegram", telegram, "X-Telegram-Bot-Api-Secret-Token", TELEGRAM_SECRET).statusCode()).isEqualTo(200);
        assertThat(inboundMessages.all(new ConversationKey(Channel.TELEGRAM, Long.toString(chat)))).singleElement()
                .satisfies(m -> assertThat(m.inbound().text()).isEqualTo(whatsapp));
    }

    @Test
    void a_small_chunked_chat_message_is_answered() {
        byte[] body = "{\"text\":\"bonjour\"}".getBytes(StandardCharsets.UTF_8);
        RawHttp.Answer answer = RawHttp.post(port, "/api/chat/chunked-small/messages",
                Map.of("Content-Type", "application/json"), body, true);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(json(answer.body()).path("replies").size()).isPositive();
    }

    static Map<String, String> twilioForm(String from, String body) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", TwilioBadInputProperties.freshSid());
        form.put("AccountSid", ACCOUNT_SID);
        form.put("From", from);
        form.put("To", SMS_FROM);
        form.put("Body", body);
        form.put("NumMedia", "0");
        return form;
    }

    RawHttp.Answer twilio(String path, Map<String, String> form, boolean chunked) {
        String signature = TwilioForms.sign(AUTH_TOKEN, PUBLIC_BASE_URL + path, form);
        return RawHttp.post(port, path, Map.of("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8",
                "X-Twilio-Signature", signature), TwilioForms.encode(form).getBytes(StandardCharsets.UTF_8), chunked);
    }
}
