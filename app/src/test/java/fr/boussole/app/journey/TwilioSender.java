package fr.boussole.app.journey;

import fr.boussole.testing.TwilioForms;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * The REST calls the running bot made to Twilio (WireMock), read back; signing and form bodies are
 * test-support's {@link TwilioForms}, shared by every module's tests.
 */
public final class TwilioSender {

    private TwilioSender() {}

    /** The Messages.json calls made to one recipient ("+336…" or "whatsapp:+336…"), oldest first, as forms. */
    static List<Map<String, String>> messagesTo(String to) {
        List<LoggedRequest> all = RunningBot.PROVIDERS.findAll(postRequestedFor(urlPathEqualTo(RunningBot.MESSAGES)));
        return all.stream().map(r -> TwilioForms.decode(r.getBodyAsString())).filter(f -> to.equals(f.get("To"))).toList();
    }
}
