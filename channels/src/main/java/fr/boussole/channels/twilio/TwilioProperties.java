package fr.boussole.channels.twilio;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Twilio settings ({@code boussole.channels.twilio.*}: the contract's TWILIO_* variables, mapped in the
 * application's application.yml, and the tuning below, set by their relaxed names).
 *
 * @param whatsappReengageContentSid an approved WhatsApp template (Content SID, HX…) sent to reopen a
 *                                   conversation whose 24-hour window has closed; unset: such sends fail
 * @param whatsappNewsContentSid     an approved WhatsApp template (Content SID, HX…) with one variable
 *                                   {{1}}, that carries a message the bot writes first (news of a request,
 *                                   a person's reply) outside the 24-hour window; unset: such a message
 *                                   goes the re-engagement way (template, then the message once answered)
 * @param sendsPerSecond             how many messages per second one sender number may send, shared by
 *                                   every instance
 */
@ConfigurationProperties("boussole.channels.twilio")
public record TwilioProperties(String accountSid, String authToken, String smsFrom, String whatsappFrom,
                               URI apiBaseUrl, String whatsappReengageContentSid, Duration requestTimeout,
                               Integer sendsPerSecond, String whatsappNewsContentSid) {

    public TwilioProperties {
        // application.yml maps TWILIO_API_BASE_URL with an empty default: empty is unset (Twilio's own hosts)
        apiBaseUrl = apiBaseUrl == null || apiBaseUrl.toString().isBlank() ? null : apiBaseUrl;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
        sendsPerSecond = sendsPerSecond == null ? 1 : sendsPerSecond;
    }

    static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
