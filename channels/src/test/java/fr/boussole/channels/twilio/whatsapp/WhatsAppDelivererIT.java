package fr.boussole.channels.twilio.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import fr.boussole.channels.support.ChannelsIntegrationTest;
import fr.boussole.channels.support.Deliveries;
import fr.boussole.channels.support.Fixtures;
import fr.boussole.channels.twilio.TwilioMessages;
import fr.boussole.channels.twilio.TwilioProperties;
import fr.boussole.core.delivery.Deliverer;
import fr.boussole.core.delivery.DeliveryResult;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.Choice;
import fr.boussole.core.message.OutboundMessage;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class WhatsAppDelivererIT extends ChannelsIntegrationTest {

    private static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";
    private static final String YOUNG = "+33698765432";
    private static final String NEWS_SID = "HX0000000000000000000000000000news";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    List<Deliverer> deliverers;
    @Autowired
    ServiceWindows windows;
    @Autowired
    TwilioMessages messages;
    @Autowired
    ContentTemplates contents;

    @BeforeEach
    void twilioAccepts() {
        PROVIDERS.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(Fixtures.text("twilio/api/message-created.json"))));
        PROVIDERS.stubFor(post(urlPathEqualTo("/v1/Content")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(Fixtures.text("twilio/api/content-created.json"))));
    }

    private DeliveryResult deliver(String id, OutboundMessage message) {
        return Deliveries.of(deliverers, Channel.WHATSAPP).deliver(Deliveries.chat(id, Channel.WHATSAPP, YOUNG, message));
    }

    private static List<Choice> choices(int n, String prefix) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> new Choice("c" + i, prefix + i)).toList();
    }

    @Test
    void up_to_three_short_choices_go_as_quick_reply_buttons_created_once() throws Exception {
        windows.recordInbound(YOUNG, clock.instant());
        OutboundMessage question = OutboundMessage.withChoices("Tu as quel âge ?", List.of(new Choice("age:16-17", "16-17 ans"),
                new Choice("age:18-25", "18-25 ans"), new Choice("age:26-30", "26-30 ans")));

        assertThat(deliver("ob_1", question)).isEqualTo(new DeliveryResult.Sent("SMa1b2c3d4e5f60718293a4b5c6d7e8f90"));
        assertThat(deliver("ob_2", question)).isInstanceOf(DeliveryResult.Sent.class);

        List<LoggedRequest> created = PROVIDERS.findAll(postRequestedFor(urlPathEqualTo("/v1/Content")));
        assertThat(created).hasSize(1);
        JsonNode content = JSON.readTree(created.getFirst().getBodyAsString());
        assertThat(created.getFirst().getHeader("Content-Type")).startsWith("application/json");
        assertThat(content.get("friendly_name").asText()).startsWith("boussole_ct_");
        JsonNode quickReply = content.at("/types/twilio~1quick-reply");
        assertThat(quickReply.get("body").asText()).isEqualTo("Tu as quel âge ?");
        assertThat(quickReply.get("actions")).hasSize(3);
        assertThat(quickReply.at("/actions/1/id").asText()).isEqualTo("age:18-25");
        assertThat(quickReply.at("/actions/1/title").asText()).isEqualTo("18-25 ans");

        List<LoggedRequest> sent = PROVIDERS.findAll(postRequestedFor(urlPathEqualTo(MESSAGES)));
        assertThat(sent).hasSize(2).allSatisfy(r -> {
            assertThat(form(r, "ContentSid")).isEqualTo("HXb5b62575e6e4ff6129ad7c8efe1f983e");
            assertThat(form(r, "From")).isEqualTo("whatsapp:" + WHATSAPP_FROM);
            assertThat(form(r, "To")).isEqualTo("whatsapp:" + YOUNG);
            assertThat(form(r, "Body")).isNull();
        });
    }

    @Test
    void up_to_ten_choices_go_as_a_list_picker() throws Exception {
        windows.recordInbound(YOUNG, clock.instant());
        deliver("ob_l", OutboundMessage.withChoices("Quelle offre ?", choices(7, "Offre numéro ")));

        JsonNode content = JSON.readTree(PROVIDERS.findAll(postRequestedFor(urlPathEqualTo("/v1/Content"))).getFirst().getBodyAsString());
        JsonNode list = content.at("/types/twilio~1list-picker");
        assertThat(list.get("items")).hasSize(7);
        assertThat(list.at("/items/6/item").asText()).isEqualTo("Offre numéro 7");
        assertThat(list.at("/items/6/id").asText()).isEqualTo("c7");
        assertThat(list.get("button").asText()).isNotBlank();
    }

    @Test
    void choices_that_fit_no_widget_go_as_numbered_text() {
        windows.recordInbound(YOUNG, clock.instant());
        deliver("ob_n", OutboundMessage.withChoices("Quelle offre ?", List.of(
                new Choice("a", "Accompagnement renforcé vers l'emploi durable"), new Choice("b", "Autre"))));

        PROVIDERS.verify(0, postRequestedFor(urlPathEqualTo("/v1/Content")));
        LoggedRequest sent = PROVIDERS.findAll(postRequestedFor(urlPathEqualTo(MESSAGES))).getFirst();
        assertThat(form(sent, "Body")).isEqualTo("Quelle offre ?\n\n1. Accompagnement renforcé vers l'emploi durable\n2. Autre");
    }

    @Test
    void outside_the_window_the_template_goes_once_and_the_message_waits_for_an_answer() {
        windows.recordInbound(YOUNG, clock.instant());
        clock.advance(Duration.ofHours(25));

        DeliveryResult first = deliver("ob_w", OutboundMessage.of("Ta demande a bien été transmise."));
        DeliveryResult second = deliver("ob_w", OutboundMessage.of("Ta demande a bien été transmise."));

        assertThat(first).isInstanceOf(DeliveryResult.Retry.class);
        assertThat(second).isInstanceOf(DeliveryResult.Retry.class);
        List<LoggedRequest> sent = PROVIDERS.findAll(postRequestedFor(urlPathEqualTo(MESSAGES)));
        assertThat(sent).singleElement().satisfies(r -> assertThat(form(r, "ContentSid")).isEqualTo(REENGAGE_SID));

        // The young person answers the template: the window reopens and the message goes.
        clock.advance(Duration.ofMinutes(10));
        postTwilio("/webhooks/twilio", Fixtures.form("twilio/whatsapp-text.form"), AUTH_TOKEN);
        assertThat(deliver("ob_w", OutboundMessage.of("Ta demande a bien été transmise."))).isInstanceOf(DeliveryResult.Sent.class);
        assertThat(form(PROVIDERS.findAll(postRequestedFor(urlPathEqualTo(MESSAGES))).getLast(), "Body"))
                .isEqualTo("Ta demande a bien été transmise.");
    }

    @Test
    void outside_the_window_news_go_at_once_inside_the_news_template_on_one_line_with_numbered_choices() throws Exception {
        TwilioProperties withNews = new TwilioProperties(ACCOUNT_SID, AUTH_TOKEN, SMS_FROM, WHATSAPP_FROM, null,
                REENGAGE_SID, null, null, NEWS_SID);
        WhatsAppDeliverer deliverer = new WhatsAppDeliverer(messages, contents, windows, clock, withNews);
        windows.recordInbound(YOUNG, clock.instant());
        clock.advance(Duration.ofDays(3));
        OutboundMessage news = new OutboundMessage("La Mission locale a clôturé ta demande.\n\nLe Point Info Jeunes  peut aussi t'aider.",
                List.of(new Choice("news-envoyer", "Oui, envoie"), new Choice("news-non", "Non merci")), false, true);

        DeliveryResult result = deliverer.deliver(Deliveries.chat("ob_news", Channel.WHATSAPP, YOUNG, news));

        assertThat(result).isInstanceOf(DeliveryResult.Sent.class);
        LoggedRequest sent = PROVIDERS.findAll(postRequestedFor(urlPathEqualTo(MESSAGES))).getLast();
        assertThat(form(sent, "ContentSid")).isEqualTo(NEWS_SID);
        assertThat(form(sent, "Body")).isNull();
        assertThat(JSON.readTree(form(sent, "ContentVariables")).get("1").asText()).isEqualTo(
                "La Mission locale a clôturé ta demande. Le Point Info Jeunes peut aussi t'aider. (1. Oui, envoie / 2. Non merci)");
        PROVIDERS.verify(0, postRequestedFor(urlPathEqualTo("/v1/Content")));

        // an answer to the young person (not written first) still waits for the window
        DeliveryResult reply = deliverer.deliver(Deliveries.chat("ob_reply", Channel.WHATSAPP, YOUNG, OutboundMessage.of("Ok")));
        assertThat(reply).isInstanceOf(DeliveryResult.Retry.class);
        assertThat(form(PROVIDERS.findAll(postRequestedFor(urlPathEqualTo(MESSAGES))).getLast(), "ContentSid")).isEqualTo(REENGAGE_SID);
    }

    @Test
    void inside_the_window_news_go_as_any_message() {
        windows.recordInbound(YOUNG, clock.instant());
        deliver("ob_in", new OutboundMessage("Bonne nouvelle.", List.of(), false, true));

        assertThat(form(PROVIDERS.findAll(postRequestedFor(urlPathEqualTo(MESSAGES))).getLast(), "Body")).isEqualTo("Bonne nouvelle.");
    }

    @Test
    void a_young_person_who_never_wrote_on_whatsapp_is_outside_the_window() {
        assertThat(deliver("ob_x", OutboundMessage.of("Bonjour"))).isInstanceOf(DeliveryResult.Retry.class);
        assertThat(form(PROVIDERS.findAll(postRequestedFor(urlPathEqualTo(MESSAGES))).getFirst(), "ContentSid")).isEqualTo(REENGAGE_SID);
    }

    @Test
    void without_a_template_a_message_outside_the_window_fails_clearly() {
        TwilioProperties noTemplate = new TwilioProperties(ACCOUNT_SID, AUTH_TOKEN, SMS_FROM, WHATSAPP_FROM, null, null, null, null, null);
        WhatsAppDeliverer deliverer = new WhatsAppDeliverer(messages, contents, windows, clock, noTemplate);

        DeliveryResult result = deliverer.deliver(Deliveries.chat("ob_f", Channel.WHATSAPP, YOUNG, OutboundMessage.of("Bonjour")));

        assertThat(result).isInstanceOf(DeliveryResult.Failed.class);
        assertThat(((DeliveryResult.Failed) result).reason()).contains("TWILIO_WHATSAPP_REENGAGE_CONTENT_SID");
        PROVIDERS.verify(0, postRequestedFor(urlPathEqualTo(MESSAGES)));
    }

    @Test
    void twilio_window_error_63016_is_retried_and_unsubscribed_21610_stops_sending() {
        windows.recordInbound(YOUNG, clock.instant());
        PROVIDERS.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(400)
                .withBody(Fixtures.text("twilio/api/error-400-63016.json"))));
        assertThat(deliver("ob_63016", OutboundMessage.of("a"))).isInstanceOf(DeliveryResult.Retry.class);

        PROVIDERS.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(400)
                .withBody(Fixtures.text("twilio/api/error-400-21610.json"))));
        assertThat(deliver("ob_21610", OutboundMessage.of("b"))).isInstanceOf(DeliveryResult.RecipientGone.class);
    }

    @Test
    void a_content_api_refusal_is_mapped_like_any_twilio_error() {
        windows.recordInbound(YOUNG, clock.instant());
        PROVIDERS.stubFor(post(urlPathEqualTo("/v1/Content")).willReturn(aResponse().withStatus(500)
                .withBody(Fixtures.text("twilio/api/error-500.json"))));
        assertThat(deliver("ob_c", OutboundMessage.withChoices("Oui ?", choices(2, "Choix ")))).isInstanceOf(DeliveryResult.Retry.class);
        PROVIDERS.verify(0, postRequestedFor(urlPathEqualTo(MESSAGES)));
    }

    static String form(LoggedRequest request, String name) {
        for (String pair : request.getBodyAsString().split("&")) {
            String[] kv = pair.split("=", 2);
            if (URLDecoder.decode(kv[0], StandardCharsets.UTF_8).equals(name)) {
                return URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
