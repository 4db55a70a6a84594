package fr.boussole.channels.twilio;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Twilio settings (TWILIO_* variables).
 *
 * @param whatsappReengageContentSid an approved WhatsApp template (Content SID, HX…) sent to reopen a
 *                                   conversation whose 24-hour window has closed; unset: such sends fail
 * @param sendsPerSecond             how many messages per second one sender number may send, shared by
 *                                   every instance
 */
@ConfigurationProperties("twilio")
public record TwilioProperties(String accountSid, String authToken, String smsFrom, String whatsappFrom,
                               URI apiBaseUrl, String whatsappReengageContentSid, Duration requestTimeout,
                               Integer sendsPerSecond) {

    public TwilioProperties {
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
        sendsPerSecond = sendsPerSecond == null ? 1 : sendsPerSecond;
    }

    static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
