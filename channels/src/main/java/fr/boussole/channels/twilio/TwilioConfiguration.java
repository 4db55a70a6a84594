package fr.boussole.channels.twilio;

import com.twilio.http.TwilioRestClient;
import fr.boussole.core.settings.InvalidSettingException;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** Turns the Twilio channels on when credentials are set, after checking that the settings hold together. */
@Configuration(proxyBeanMethods = false)
@Conditional(TwilioConfigured.class)
@EnableConfigurationProperties(TwilioProperties.class)
class TwilioConfiguration {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{4,14}");

    @Bean
    TwilioApi twilioApi(TwilioProperties properties) {
        check(properties);
        TwilioRestClient client = new TwilioRestClient.Builder(properties.accountSid(), properties.authToken())
                .httpClient(new RedirectableTwilioHttpClient(properties.apiBaseUrl(), properties.requestTimeout()))
                .build();
        return new TwilioApi(client, properties.accountSid());
    }

    static void check(TwilioProperties p) {
        if (!TwilioProperties.isSet(p.accountSid())) {
            throw new InvalidSettingException("TWILIO_ACCOUNT_SID", "unset while TWILIO_AUTH_TOKEN is set (set both, or neither to turn Twilio off)");
        }
        if (!TwilioProperties.isSet(p.authToken())) {
            throw new InvalidSettingException("TWILIO_AUTH_TOKEN", "unset while TWILIO_ACCOUNT_SID is set (set both, or neither to turn Twilio off)");
        }
        if (!p.accountSid().matches("AC[0-9a-fA-F]{32}")) {
            throw new InvalidSettingException("TWILIO_ACCOUNT_SID", "must be AC followed by 32 hexadecimal digits");
        }
        if (!TwilioProperties.isSet(p.smsFrom()) && !TwilioProperties.isSet(p.whatsappFrom())) {
            throw new InvalidSettingException("TWILIO_SMS_FROM", "set it or TWILIO_WHATSAPP_FROM: Twilio has no number to send from");
        }
        if (TwilioProperties.isSet(p.smsFrom()) && !E164.matcher(p.smsFrom()).matches()) {
            throw new InvalidSettingException("TWILIO_SMS_FROM", "must be an E.164 number such as +33612345678");
        }
        if (TwilioProperties.isSet(p.whatsappFrom()) && !E164.matcher(p.whatsappFrom()).matches()) {
            throw new InvalidSettingException("TWILIO_WHATSAPP_FROM", "must be an E.164 number without the whatsapp: prefix, such as +14155238886");
        }
        if (p.apiBaseUrl() != null && (p.apiBaseUrl().getScheme() == null || p.apiBaseUrl().getHost() == null)) {
            throw new InvalidSettingException("TWILIO_API_BASE_URL", "must be an absolute URL such as http://localhost:8089");
        }
        if (TwilioProperties.isSet(p.whatsappReengageContentSid()) && !p.whatsappReengageContentSid().startsWith("HX")) {
            throw new InvalidSettingException("TWILIO_WHATSAPP_REENGAGE_CONTENT_SID", "must be a Content SID (HX…)");
        }
        if (p.sendsPerSecond() < 1) {
            throw InvalidSettingException.ofProperty("boussole.channels.twilio.sends-per-second", "must be at least 1");
        }
    }
}
