package fr.boussole.channels.telegram;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.boussole.channels.support.ChannelsIntegrationTest;
import fr.boussole.channels.support.Fixtures;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.Inbound;
import java.util.List;
import org.junit.jupiter.api.Test;

class TelegramWebhookIT extends ChannelsIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private int send(String fixture, String secret) {
        return postTelegram(Fixtures.text("telegram/" + fixture), secret).statusCode();
    }

    @Test
    void the_webhook_is_registered_at_start_up_with_the_public_url_and_the_secret() {
        assertThat(startupSetWebhooks).isNotEmpty();
        String body = startupSetWebhooks.getFirst().getBodyAsString();
        assertThat(body).contains(PUBLIC_BASE_URL + "/webhooks/telegram").contains(TELEGRAM_SECRET);
        assertThat(startupSetWebhooks.getFirst().getUrl()).containsIgnoringCase("/bot" + BOT_TOKEN + "/setwebhook");
    }

    @Test
    void a_private_text_message_is_recorded_under_its_update_id() {
        assertThat(send("update-text.json", TELEGRAM_SECRET)).isEqualTo(200);
        Inbound inbound = inbox.accepted().getFirst();
        assertThat(inbound.providerMessageId()).isEqualTo("815000001");
        assertThat(inbound.conversation().channel()).isEqualTo(Channel.TELEGRAM);
        assertThat(inbound.conversation().address()).isEqualTo("700111222");
        assertThat(inbound.text()).isEqualTo("J'habite à Figeac");
    }

    @Test
    void a_missing_or_wrong_secret_is_refused_and_nothing_is_stored() {
        assertThat(send("update-text.json", null)).isEqualTo(403);
        assertThat(send("update-text.json", "wrong-secret")).isEqualTo(403);
        assertThat(send("update-text.json", TELEGRAM_SECRET + "x")).isEqualTo(403);
        assertThat(inbox.accepted()).isEmpty();
    }

    @Test
    void the_same_update_twice_is_recorded_once() {
        assertThat(send("update-text.json", TELEGRAM_SECRET)).isEqualTo(200);
        assertThat(send("update-text.json", TELEGRAM_SECRET)).isEqualTo(200);
        assertThat(inbox.accepted()).hasSize(1);
    }

    @Test
    void start_is_a_greeting() {
        send("update-start.json", TELEGRAM_SECRET);
        assertThat(inbox.accepted().getFirst().text()).isEqualTo("Bonjour");
    }

    @Test
    void a_keyboard_tap_becomes_the_choice_is_acknowledged_and_its_keyboard_removed() throws Exception {
        PROVIDERS.stubFor(post(urlMatching("(?i)/bot.*/answercallbackquery")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(Fixtures.text("telegram/api/true.json"))));
        PROVIDERS.stubFor(post(urlMatching("(?i)/bot.*/editmessagereplymarkup")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(Fixtures.text("telegram/api/editmarkup-ok.json"))));

        assertThat(send("update-callback.json", TELEGRAM_SECRET)).isEqualTo(200);

        Inbound inbound = inbox.accepted().getFirst();
        assertThat(inbound.choiceId()).isEqualTo("logement");
        assertThat(inbound.text()).isEqualTo("Logement");
        assertThat(inbound.providerMessageId()).isEqualTo("815000003");
        JsonNode answer = JSON.readTree(PROVIDERS.findAll(postRequestedFor(urlMatching("(?i)/bot.*/answercallbackquery"))).getFirst().getBodyAsString());
        assertThat(answer.get("callback_query_id").asText()).isEqualTo("3006512419236354716");
        JsonNode edit = JSON.readTree(PROVIDERS.findAll(postRequestedFor(urlMatching("(?i)/bot.*/editmessagereplymarkup"))).getFirst().getBodyAsString());
        assertThat(edit.get("message_id").asInt()).isEqualTo(42);
        assertThat(edit.at("/reply_markup/inline_keyboard")).isEmpty();
    }

    @Test
    void a_tap_is_recorded_even_when_telegram_cannot_be_told() {
        PROVIDERS.stubFor(post(urlMatching("(?i)/bot.*")).willReturn(aResponse().withStatus(500)
                .withBody(Fixtures.text("telegram/api/error-500.json"))));
        assertThat(send("update-callback.json", TELEGRAM_SECRET)).isEqualTo(200);
        assertThat(inbox.accepted()).hasSize(1);
    }

    @Test
    void the_young_persons_own_contact_is_a_shared_phone_number() {
        send("update-contact-own.json", TELEGRAM_SECRET);
        Inbound inbound = inbox.accepted().getFirst();
        assertThat(inbound.sharedPhone()).isEqualTo("+33612345678");
        assertThat(inbound.text()).isEmpty();
    }

    @Test
    void someone_elses_contact_edits_stickers_groups_and_channel_posts_are_ignored_with_200() {
        for (String fixture : List.of("update-contact-other.json", "update-edited.json", "update-sticker.json",
                "update-group.json", "update-channel-post.json")) {
            assertThat(send(fixture, TELEGRAM_SECRET)).as(fixture).isEqualTo(200);
        }
        assertThat(inbox.accepted()).isEmpty();
    }

    @Test
    void a_body_that_is_not_an_update_gets_400_and_an_unavailable_store_503() {
        assertThat(postTelegram("{not json", TELEGRAM_SECRET).statusCode()).isEqualTo(400);
        inbox.down(true);
        assertThat(send("update-text.json", TELEGRAM_SECRET)).isEqualTo(503);
        inbox.down(false);
        assertThat(send("update-text.json", TELEGRAM_SECRET)).isEqualTo(200);
        assertThat(inbox.accepted()).hasSize(1);
    }
}
