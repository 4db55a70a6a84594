package fr.boussole.channels.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import fr.boussole.channels.support.ChannelsIntegrationTest;
import fr.boussole.channels.support.Deliveries;
import fr.boussole.channels.support.Fixtures;
import fr.boussole.core.delivery.Deliverer;
import fr.boussole.core.delivery.DeliveryResult;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.Choice;
import fr.boussole.core.message.OutboundMessage;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SmsDelivererIT extends ChannelsIntegrationTest {

    private static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";
    private static final String YOUNG = "+33612345678";

    @Autowired
    List<Deliverer> deliverers;
    @Autowired
    MeterRegistry meters;

    private DeliveryResult deliver(String id, OutboundMessage message) {
        return Deliveries.of(deliverers, Channel.SMS).deliver(Deliveries.chat(id, Channel.SMS, YOUNG, message));
    }

    private void twilioAnswers(int status, String fixture) {
        PROVIDERS.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(Fixtures.text("twilio/api/" + fixture))));
    }

    @Test
    void sends_gsm7_text_with_numbered_choices_through_the_messages_api() {
        twilioAnswers(201, "message-created.json");
        double before = meters.counter("boussole.channel.segments", "channel", "sms").count();

        DeliveryResult result = deliver("ob_1", OutboundMessage.withChoices("Quel thème t’intéresse ? 🙂",
                List.of(new Choice("emploi", "Emploi"), new Choice("sante", "Santé"))));

        assertThat(result).isEqualTo(new DeliveryResult.Sent("SMa1b2c3d4e5f60718293a4b5c6d7e8f90"));
        LoggedRequest sent = PROVIDERS.findAll(postRequestedFor(urlPathEqualTo(MESSAGES))).getFirst();
        assertThat(form(sent, "To")).isEqualTo(YOUNG);
        assertThat(form(sent, "From")).isEqualTo(SMS_FROM);
        assertThat(form(sent, "Body")).isEqualTo("Quel thème t'intéresse ?\n\n1. Emploi\n2. Santé");
        assertThat(form(sent, "StatusCallback")).isEqualTo(PUBLIC_BASE_URL + "/webhooks/twilio/status");
        assertThat(sent.getHeader("Authorization"))
                .isEqualTo("Basic " + Base64.getEncoder().encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8)));
        assertThat(meters.counter("boussole.channel.segments", "channel", "sms").count()).isEqualTo(before + 1);
        assertThat(meters.find("boussole.sms.segments.per.message").summary()).isNotNull();
    }

    @Test
    void a_long_text_goes_as_several_sms_and_a_retry_sends_only_what_is_missing() {
        String paragraph = "La Mission locale t'accompagne pour trouver un emploi, une formation ou un logement à Cahors.";
        String text = java.util.stream.IntStream.rangeClosed(1, 12).mapToObj(i -> i + ". " + paragraph + "\n")
                .collect(java.util.stream.Collectors.joining());
        PROVIDERS.stubFor(post(urlPathEqualTo(MESSAGES)).inScenario("split").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(201).withBody(Fixtures.text("twilio/api/message-created.json")))
                .willSetStateTo("second fails"));
        PROVIDERS.stubFor(post(urlPathEqualTo(MESSAGES)).inScenario("split").whenScenarioStateIs("second fails")
                .willReturn(aResponse().withStatus(500).withBody(Fixtures.text("twilio/api/error-500.json")))
                .willSetStateTo("ok"));
        PROVIDERS.stubFor(post(urlPathEqualTo(MESSAGES)).inScenario("split").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(201).withBody(Fixtures.text("twilio/api/message-created.json"))));

        assertThat(deliver("ob_long", OutboundMessage.of(text))).isInstanceOf(DeliveryResult.Retry.class);
        assertThat(deliver("ob_long", OutboundMessage.of(text))).isInstanceOf(DeliveryResult.Sent.class);

        List<String> bodies = PROVIDERS.findAll(postRequestedFor(urlPathEqualTo(MESSAGES))).stream().map(r -> form(r, "Body")).toList();
        assertThat(bodies).hasSize(4); // part 1, part 2 failed, part 2 again, part 3
        assertThat(bodies.get(1)).isEqualTo(bodies.get(2));
        assertThat(bodies.get(0)).isNotEqualTo(bodies.get(1));
        assertThat(bodies).allSatisfy(b -> assertThat(Gsm7.segments(b)).isLessThanOrEqualTo(3));
        assertThat(String.join("\n", bodies.get(0), bodies.get(2), bodies.get(3))).isEqualTo(text.strip());
    }

    @Test
    void provider_errors_map_to_the_right_delivery_results() {
        twilioAnswers(400, "error-400-21211.json");
        assertThat(deliver("ob_a", OutboundMessage.of("a"))).isInstanceOf(DeliveryResult.Failed.class);

        twilioAnswers(400, "error-400-21610.json");
        assertThat(deliver("ob_b", OutboundMessage.of("b"))).isInstanceOf(DeliveryResult.RecipientGone.class);

        twilioAnswers(401, "error-401-20003.json");
        assertThat(deliver("ob_c", OutboundMessage.of("c")))
                .isEqualTo(new DeliveryResult.Retry("twilio 401 error 20003: Authenticate", Duration.ofMinutes(30)));

        twilioAnswers(500, "error-500.json");
        assertThat(deliver("ob_d", OutboundMessage.of("d"))).isInstanceOf(DeliveryResult.Retry.class);

        PROVIDERS.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")
                .withBody(Fixtures.text("twilio/api/error-429-20429.json"))));
        assertThat(deliver("ob_e", OutboundMessage.of("e"))).extracting(r -> ((DeliveryResult.Retry) r).notBefore()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void a_timeout_or_a_broken_connection_is_retried() {
        PROVIDERS.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(201).withFixedDelay(6_000)
                .withBody(Fixtures.text("twilio/api/message-created.json"))));
        assertThat(deliver("ob_t", OutboundMessage.of("t"))).isInstanceOf(DeliveryResult.Retry.class);

        PROVIDERS.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThat(deliver("ob_r", OutboundMessage.of("r"))).isInstanceOf(DeliveryResult.Retry.class);

        // headers at once, then the body a byte now and then for 20 s: the whole call is bounded, not only the wait for headers
        PROVIDERS.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(201)
                .withBody(Fixtures.text("twilio/api/message-created.json")).withChunkedDribbleDelay(20, 20_000)));
        assertThat(deliver("ob_d", OutboundMessage.of("d"))).isInstanceOf(DeliveryResult.Retry.class);
    }

    @Test
    void only_chat_messages_go_by_sms() {
        var email = new fr.boussole.core.delivery.Delivery("ob_m", Channel.SMS, YOUNG, null, 1, 1,
                new fr.boussole.core.delivery.DeliveryPayload.Email("s", "t", "<p>t</p>"));
        assertThat(Deliveries.of(deliverers, Channel.SMS).deliver(email)).isInstanceOf(DeliveryResult.Failed.class);
        PROVIDERS.verify(0, postRequestedFor(urlPathEqualTo(MESSAGES)).withRequestBody(containing("To")));
        PROVIDERS.verify(0, postRequestedFor(urlPathEqualTo(MESSAGES)).withHeader("Authorization", matching(".*")).withRequestBody(equalTo("")));
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
