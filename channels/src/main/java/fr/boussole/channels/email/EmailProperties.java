package fr.boussole.channels.email;

import fr.boussole.core.settings.InvalidSettingException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Email settings, {@code boussole.channels.email.*}; the SMTP server itself is Spring's
 * {@code spring.mail.*} ({@code SPRING_MAIL_HOST}, {@code SPRING_MAIL_PORT}…).
 *
 * @param from           sender of alerts, reminders and password resets ({@code BOUSSOLE_MAIL_FROM})
 * @param sendsPerSecond emails handed to the SMTP server per second, shared by every instance
 */
@ConfigurationProperties("boussole.channels.email")
public record EmailProperties(@DefaultValue("boussole@localhost") String from, @DefaultValue("10") int sendsPerSecond) {

    public EmailProperties {
        if (from == null || !from.strip().matches("[^@\\s]+@[^@\\s]+")) {
            throw new InvalidSettingException("BOUSSOLE_MAIL_FROM", "not an email address: " + from);
        }
        if (sendsPerSecond < 1) {
            throw InvalidSettingException.ofProperty("boussole.channels.email.sends-per-second", "must be at least 1");
        }
        from = from.strip();
    }
}
