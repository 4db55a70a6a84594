package fr.boussole.channels.twilio.inbound;

import fr.boussole.testing.TwilioForms;
import static org.assertj.core.api.Assertions.assertThat;

import fr.boussole.channels.support.ChannelsIntegrationTest;
import fr.boussole.channels.support.Fixtures;
import fr.boussole.channels.support.RecordingStatusSink.Report;
import fr.boussole.core.delivery.DeliveryStatusSink.Status;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.Inbound;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class TwilioWebhookIT extends ChannelsIntegrationTest {

    private static final String INBOUND = "/webhooks/twilio";
    private static final String STATUS = "/webhooks/twilio/status";

    @Test
    void a_signed_sms_is_recorded_and_answered_with_empty_twiml() {
        HttpResponse<String> response = postTwilio(INBOUND, Fixtures.form("twilio/sms-inbound.form"), AUTH_TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/xml"));
        assertThat(response.body()).contains("<Response/>");
        Inbound inbound = inbox.accepted().getFirst();
        assertThat(inbound.providerMessageId()).isEqualTo("SM1f0e2a3b4c5d6e7f80910a1b2c3d4e5f");
        assertThat(inbound.conversation().channel()).isEqualTo(Channel.SMS);
        assertThat(inbound.conversation().address()).isEqualTo("+33612345678");
        assertThat(inbound.text()).isEqualTo("Bonjour, j'habite à Cahors");
        assertThat(inbound.choiceId()).isNull();
        assertThat(inbound.receivedAt()).isEqualTo(clock.instant());
    }

    @Test
    void a_forged_signature_is_refused_and_nothing_is_stored() {
        Map<String, String> form = Fixtures.form("twilio/sms-inbound.form");
        assertThat(postTwilio(INBOUND, form, "another-token").statusCode()).isEqualTo(403);

        Map<String, String> tampered = new LinkedHashMap<>(form);
        String signature = TwilioForms.sign(AUTH_TOKEN, PUBLIC_BASE_URL + INBOUND, form);
        tampered.put("Body", "autre chose");
        assertThat(postTwilio(INBOUND, tampered, signature, true).statusCode()).isEqualTo(403);
        assertThat(postTwilio(INBOUND, form, null, false).statusCode()).isEqualTo(403);
        assertThat(inbox.accepted()).isEmpty();
    }

    @Test
    void the_signature_covers_the_public_url_not_the_local_one() {
        Map<String, String> form = Fixtures.form("twilio/sms-inbound.form");
        String signedForLocal = TwilioForms.sign(AUTH_TOKEN, "http://localhost:" + port + INBOUND, form);
        assertThat(postTwilio(INBOUND, form, signedForLocal, true).statusCode()).isEqualTo(403);
    }

    @Test
    void a_query_string_is_signed_within_the_url_and_not_as_a_form_parameter() {
        Map<String, String> form = Fixtures.form("twilio/sms-inbound.form");
        String path = INBOUND + "?source=fr-numero";
        String signature = TwilioForms.sign(AUTH_TOKEN, PUBLIC_BASE_URL + path, form);
        assertThat(postTwilio(path, form, signature, true).statusCode()).isEqualTo(200);
        assertThat(inbox.accepted()).hasSize(1);
    }

    @Test
    void the_same_message_sid_twice_is_recorded_once_and_acknowledged_both_times() {
        Map<String, String> form = Fixtures.form("twilio/sms-inbound.form");
        assertThat(postTwilio(INBOUND, form, AUTH_TOKEN).statusCode()).isEqualTo(200);
        HttpResponse<String> again = postTwilio(INBOUND, form, AUTH_TOKEN);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("<Response/>");
        assertThat(inbox.accepted()).hasSize(1);
    }

    @Test
    void stop_goes_through_as_an_ordinary_message_for_the_dialogs() {
        postTwilio(INBOUND, Fixtures.form("twilio/sms-stop.form"), AUTH_TOKEN);
        assertThat(inbox.accepted()).singleElement().extracting(Inbound::text).isEqualTo("STOP");
    }

    @Test
    void a_whatsapp_button_tap_becomes_the_choice_and_opens_the_service_window() {
        HttpResponse<String> response = postTwilio(INBOUND, Fixtures.form("twilio/whatsapp-button-reply.form"), AUTH_TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        Inbound inbound = inbox.accepted().getFirst();
        assertThat(inbound.conversation().channel()).isEqualTo(Channel.WHATSAPP);
        assertThat(inbound.conversation().address()).isEqualTo("+33698765432");
        assertThat(inbound.choiceId()).isEqualTo("logement");
        assertThat(inbound.text()).isEqualTo("Logement");
        // keyed by the number's lookup key: no phone number in the store
        assertThat(mongo.findById("+33698765432", Document.class, "whatsapp_service_windows")).isNull();
        Document window = mongo.findById(fr.boussole.channels.support.ChannelsTestApplication.PERSONAL_DATA
                .lookupKey(Channel.WHATSAPP, "+33698765432"), Document.class, "whatsapp_service_windows");
        assertThat(window).isNotNull();
        assertThat(window.getDate("lastInboundAt").toInstant()).isEqualTo(clock.instant());
    }

    @Test
    void a_whatsapp_list_row_becomes_the_choice() {
        postTwilio(INBOUND, Fixtures.form("twilio/whatsapp-list-reply.form"), AUTH_TOKEN);
        Inbound inbound = inbox.accepted().getFirst();
        assertThat(inbound.choiceId()).isEqualTo("offer:of_7h2k9m");
        assertThat(inbound.text()).isEqualTo("Mission locale Cahors");
    }

    @Test
    void a_malformed_post_gets_400_with_a_clear_message() {
        Map<String, String> noSid = new LinkedHashMap<>(Fixtures.form("twilio/sms-inbound.form"));
        noSid.remove("MessageSid");
        noSid.remove("SmsSid");
        HttpResponse<String> response = postTwilio(INBOUND, noSid, AUTH_TOKEN);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("MessageSid");

        Map<String, String> badFrom = new LinkedHashMap<>(Fixtures.form("twilio/sms-inbound.form"));
        badFrom.put("From", "not-a-number");
        assertThat(postTwilio(INBOUND, badFrom, AUTH_TOKEN).body()).contains("E.164");
        assertThat(inbox.accepted()).isEmpty();
    }

    @Test
    void an_unavailable_store_gets_503_so_that_twilio_retries() {
        inbox.down(true);
        assertThat(postTwilio(INBOUND, Fixtures.form("twilio/sms-inbound.form"), AUTH_TOKEN).statusCode()).isEqualTo(503);
        inbox.down(false);
        assertThat(postTwilio(INBOUND, Fixtures.form("twilio/sms-inbound.form"), AUTH_TOKEN).statusCode()).isEqualTo(200);
        assertThat(inbox.accepted()).hasSize(1);
    }

    @Test
    void status_callbacks_are_reported_to_the_outbox() {
        assertThat(postTwilio(STATUS, Fixtures.form("twilio/status-delivered.form"), AUTH_TOKEN).statusCode()).isEqualTo(204);
        postTwilio(STATUS, Fixtures.form("twilio/status-undelivered.form"), AUTH_TOKEN);
        postTwilio(STATUS, Fixtures.form("twilio/status-failed-63016.form"), AUTH_TOKEN);
        postTwilio(STATUS, Fixtures.form("twilio/status-sending.form"), AUTH_TOKEN);

        assertThat(statusSink.reports()).containsExactly(
                new Report("SM6e0e2a3b4c5d6e7f80910a1b2c3d4e5f", Status.DELIVERED, null),
                new Report("SM6e0e2a3b4c5d6e7f80910a1b2c3d4e5f", Status.UNDELIVERED, "30003"),
                new Report("SM7f0e2a3b4c5d6e7f80910a1b2c3d4e5f", Status.FAILED, "63016"));
    }

    @Test
    void a_forged_status_callback_is_refused() {
        assertThat(postTwilio(STATUS, Fixtures.form("twilio/status-delivered.form"), "wrong").statusCode()).isEqualTo(403);
        assertThat(statusSink.reports()).isEmpty();
    }
}
