package fr.boussole.channels;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.boussole.channels.support.ChannelsIntegrationTest;
import fr.boussole.channels.support.Deliveries;
import fr.boussole.channels.support.Fixtures;
import fr.boussole.core.delivery.Deliverer;
import fr.boussole.core.delivery.DeliveryResult;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.Choice;
import fr.boussole.core.message.Inbound;
import fr.boussole.core.message.OutboundMessage;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Both directions of each channel in turn, at the providers' wire formats: the young person writes, the
 * bot asks a question with choices, the young person picks one, the bot asks how to be contacted and the
 * young person gives a number. (The dialogs between are the platform's: the journeys with the real
 * engine are the app's tests.)
 */
class ChannelJourneysIT extends ChannelsIntegrationTest {

    private static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";
    private static final List<Choice> THEMES = List.of(new Choice("emploi", "Emploi"), new Choice("logement", "Logement"));

    @Autowired
    List<Deliverer> deliverers;

    @BeforeEach
    void providersAccept() {
        PROVIDERS.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(Fixtures.text("twilio/api/message-created.json"))));
        PROVIDERS.stubFor(post(urlPathEqualTo("/v1/Content")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(Fixtures.text("twilio/api/content-created.json"))));
        PROVIDERS.stubFor(post(urlMatching("(?i)/bot.*/sendmessage")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(Fixtures.text("telegram/api/sendmessage-ok.json"))));
        PROVIDERS.stubFor(post(urlMatching("(?i)/bot.*/(answercallbackquery|editmessagereplymarkup)")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withBody(Fixtures.text("telegram/api/true.json"))));
    }

    private DeliveryResult reply(Channel channel, String to, OutboundMessage message) {
        return Deliveries.of(deliverers, channel).deliver(Deliveries.chat(Ids.next(), channel, to, message));
    }

    @Test
    void sms() {
        Map<String, String> hello = Fixtures.form("twilio/sms-inbound.form");
        assertThat(postTwilio("/webhooks/twilio", hello, AUTH_TOKEN).statusCode()).isEqualTo(200);
        String young = inbox.accepted().getLast().conversation().address();

        assertThat(reply(Channel.SMS, young, OutboundMessage.withChoices("Quel thème ?", THEMES))).isInstanceOf(DeliveryResult.Sent.class);
        assertThat(lastTwilioField("Body")).isEqualTo("Quel thème ?\n\n1. Emploi\n2. Logement");

        Map<String, String> answer = new LinkedHashMap<>(hello);
        answer.put("MessageSid", "SM00000000000000000000000000000002");
        answer.put("Body", "2");
        postTwilio("/webhooks/twilio", answer, AUTH_TOKEN);
        assertThat(inbox.accepted().getLast().text()).isEqualTo("2");

        assertThat(reply(Channel.SMS, young, new OutboundMessage("Un conseiller peut te rappeler à ce numéro ?",
                List.of(new Choice("yes", "Oui"), new Choice("no", "Non")), true))).isInstanceOf(DeliveryResult.Sent.class);
        answer.put("MessageSid", "SM00000000000000000000000000000003");
        answer.put("Body", "Oui");
        postTwilio("/webhooks/twilio", answer, AUTH_TOKEN);
        assertThat(inbox.accepted()).extracting(Inbound::text).containsExactly("Bonjour, j'habite à Cahors", "2", "Oui");
    }

    @Test
    void whatsapp() {
        postTwilio("/webhooks/twilio", Fixtures.form("twilio/whatsapp-text.form"), AUTH_TOKEN);
        String young = inbox.accepted().getLast().conversation().address();

        assertThat(reply(Channel.WHATSAPP, young, OutboundMessage.withChoices("Quel thème ?",
                List.of(new Choice("emploi", "Emploi"), new Choice("logement", "Logement"))))).isInstanceOf(DeliveryResult.Sent.class);
        assertThat(lastTwilioField("ContentSid")).startsWith("HX");

        postTwilio("/webhooks/twilio", Fixtures.form("twilio/whatsapp-button-reply.form"), AUTH_TOKEN);
        assertThat(inbox.accepted().getLast().choiceId()).isEqualTo("logement");

        assertThat(reply(Channel.WHATSAPP, young, new OutboundMessage("Un conseiller peut te rappeler à ce numéro ?",
                List.of(new Choice("yes", "Oui"), new Choice("no", "Non")), true))).isInstanceOf(DeliveryResult.Sent.class);
        assertThat(inbox.accepted()).extracting(i -> i.conversation().channel()).containsOnly(Channel.WHATSAPP);
    }

    @Test
    void telegram() throws Exception {
        postTelegram(Fixtures.text("telegram/update-start.json"), TELEGRAM_SECRET);
        String chat = inbox.accepted().getLast().conversation().address();

        reply(Channel.TELEGRAM, chat, OutboundMessage.withChoices("Quel thème ?", THEMES));
        String data = new ObjectMapper().readTree(PROVIDERS.findAll(postRequestedFor(urlMatching("(?i)/bot.*/sendmessage")))
                .getLast().getBodyAsString()).at("/reply_markup/inline_keyboard/1/0/callback_data").asText();

        postTelegram(Fixtures.text("telegram/update-callback.json").replace("clogement", data), TELEGRAM_SECRET);
        assertThat(inbox.accepted().getLast().choiceId()).isEqualTo("logement");

        reply(Channel.TELEGRAM, chat, new OutboundMessage("Ton numéro ?", List.of(), true));
        postTelegram(Fixtures.text("telegram/update-contact-own.json"), TELEGRAM_SECRET);
        assertThat(inbox.accepted().getLast().sharedPhone()).isEqualTo("+33612345678");
        assertThat(inbox.accepted()).hasSize(3);
    }

    private String lastTwilioField(String name) {
        String body = PROVIDERS.findAll(postRequestedFor(urlPathEqualTo(MESSAGES))).getLast().getBodyAsString();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            if (URLDecoder.decode(kv[0], StandardCharsets.UTF_8).equals(name)) {
                return URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static final class Ids {
        private static int next;

        static synchronized String next() {
            return "ob_journey_" + (++next);
        }
    }
}
