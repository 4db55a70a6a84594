package fr.boussole.channels.telegram;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.boussole.channels.support.ChannelsIntegrationTest;
import fr.boussole.channels.support.Deliveries;
import fr.boussole.channels.support.Fixtures;
import fr.boussole.core.delivery.Deliverer;
import fr.boussole.core.delivery.DeliveryResult;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.Choice;
import fr.boussole.core.message.OutboundMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class TelegramDelivererIT extends ChannelsIntegrationTest {

    private static final String SEND = "(?i)/bot" + BOT_TOKEN.replace(":", "\\:") + "/sendmessage";
    private static final String CHAT = "700111222";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    List<Deliverer> deliverers;

    private DeliveryResult deliver(String id, OutboundMessage message) {
        return Deliveries.of(deliverers, Channel.TELEGRAM).deliver(Deliveries.chat(id, Channel.TELEGRAM, CHAT, message));
    }

    private void telegramAnswers(int status, String fixture) {
        PROVIDERS.stubFor(post(urlMatching(SEND)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(Fixtures.text("telegram/api/" + fixture))));
    }

    private List<JsonNode> sent() {
        return PROVIDERS.findAll(postRequestedFor(urlMatching(SEND))).stream().map(r -> {
            try {
                return JSON.readTree(r.getBodyAsString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void choices_go_as_an_inline_keyboard_whose_taps_come_back_as_the_choice() {
        telegramAnswers(200, "sendmessage-ok.json");
        String longId = "offer:of_" + "x".repeat(80);

        DeliveryResult result = deliver("ob_1", OutboundMessage.withChoices("Quel thème ?",
                List.of(new Choice("emploi", "Emploi"), new Choice(longId, "Une offre"))));

        assertThat(result).isEqualTo(new DeliveryResult.Sent("77"));
        JsonNode body = sent().getFirst();
        assertThat(body.get("chat_id").asText()).isEqualTo(CHAT);
        assertThat(body.get("text").asText()).isEqualTo("Quel thème ?");
        JsonNode keyboard = body.at("/reply_markup/inline_keyboard");
        assertThat(keyboard).hasSize(2);
        assertThat(keyboard.at("/0/0/text").asText()).isEqualTo("Emploi");
        assertThat(keyboard.at("/0/0/callback_data").asText()).isEqualTo("cemploi");
        String longData = keyboard.at("/1/0/callback_data").asText();
        assertThat(longData.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64);

        // The tap on the long one comes back as the original id.
        String update = Fixtures.text("telegram/update-callback.json").replace("clogement", longData);
        assertThat(postTelegram(update, TELEGRAM_SECRET).statusCode()).isEqualTo(200);
        assertThat(inbox.accepted().getFirst().choiceId()).isEqualTo(longId);
    }

    @Test
    void asking_for_a_phone_offers_the_contact_button() {
        telegramAnswers(200, "sendmessage-ok.json");
        deliver("ob_p", new OutboundMessage("Ton numéro ?", List.of(new Choice("email", "Plutôt par email")), true));

        JsonNode keyboard = sent().getFirst().at("/reply_markup/keyboard");
        assertThat(keyboard.at("/0/0/request_contact").asBoolean()).isTrue();
        assertThat(keyboard.at("/1/0/text").asText()).isEqualTo("Plutôt par email");
        assertThat(sent().getFirst().at("/reply_markup/one_time_keyboard").asBoolean()).isTrue();
    }

    @Test
    void a_text_beyond_4096_characters_goes_in_several_messages_with_the_keyboard_on_the_last() {
        telegramAnswers(200, "sendmessage-ok.json");
        String text = ("Une ligne d'information sur les offres du Lot.\n").repeat(120);

        assertThat(deliver("ob_long", OutboundMessage.withChoices(text, List.of(new Choice("ok", "OK"))))).isInstanceOf(DeliveryResult.Sent.class);

        List<JsonNode> bodies = sent();
        assertThat(bodies).hasSize(2);
        assertThat(bodies).allSatisfy(b -> assertThat(b.get("text").asText().length()).isLessThanOrEqualTo(4096));
        assertThat(bodies.get(0).has("reply_markup")).isFalse();
        assertThat(bodies.get(1).has("reply_markup")).isTrue();
        assertThat(bodies.get(0).get("text").asText() + "\n" + bodies.get(1).get("text").asText()).isEqualTo(text.strip());
    }

    @Test
    void telegram_errors_map_to_the_right_delivery_results() {
        telegramAnswers(429, "error-429.json");
        assertThat(deliver("ob_a", OutboundMessage.of("a"))).extracting(r -> ((DeliveryResult.Retry) r).notBefore()).isEqualTo(Duration.ofSeconds(17));

        telegramAnswers(403, "error-403-blocked.json");
        assertThat(deliver("ob_b", OutboundMessage.of("b"))).isInstanceOf(DeliveryResult.RecipientGone.class);

        telegramAnswers(400, "error-400.json");
        assertThat(deliver("ob_c", OutboundMessage.of("c"))).isInstanceOf(DeliveryResult.Failed.class);

        telegramAnswers(500, "error-500.json");
        assertThat(deliver("ob_d", OutboundMessage.of("d"))).isInstanceOf(DeliveryResult.Retry.class);

        telegramAnswers(401, "error-401.json");
        assertThat(deliver("ob_e", OutboundMessage.of("e"))).extracting(r -> ((DeliveryResult.Retry) r).notBefore()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void a_timeout_is_retried() {
        PROVIDERS.stubFor(post(urlMatching(SEND)).willReturn(aResponse().withStatus(200).withFixedDelay(6_000)
                .withBody(Fixtures.text("telegram/api/sendmessage-ok.json"))));
        assertThat(deliver("ob_t", OutboundMessage.of("t"))).isInstanceOf(DeliveryResult.Retry.class);

        // headers at once, then the body a byte now and then for 20 s: the whole call is bounded
        PROVIDERS.stubFor(post(urlMatching(SEND)).willReturn(aResponse().withStatus(200)
                .withBody(Fixtures.text("telegram/api/sendmessage-ok.json")).withChunkedDribbleDelay(20, 20_000)));
        assertThat(deliver("ob_u", OutboundMessage.of("u"))).isInstanceOf(DeliveryResult.Retry.class);
    }
}
