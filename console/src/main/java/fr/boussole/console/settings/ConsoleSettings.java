package fr.boussole.console.settings;

import fr.boussole.core.settings.InvalidSettingException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The console's settings, under {@code boussole.console.*} (each set by its relaxed name:
 * {@code BOUSSOLE_CONSOLE_MAX_LOGIN_FAILURES}…). The public URL is bot-core's {@code PublicBaseUrl}, the
 * application's one.
 *
 * @param resetLinkValidity how long a password-reset link works
 * @param maxLoginFailures  failed sign-ins in a row before the account is locked
 * @param lockDuration      how long a locked account stays locked
 * @param dueSoonWithin     a request is "due soon" when its due date is closer than this
 */
@ConfigurationProperties("boussole.console")
public record ConsoleSettings(
        @DefaultValue("1h") Duration resetLinkValidity,
        @DefaultValue("5") int maxLoginFailures,
        @DefaultValue("15m") Duration lockDuration,
        @DefaultValue("1d") Duration dueSoonWithin) {

    public ConsoleSettings {
        if (maxLoginFailures < 1) {
            throw InvalidSettingException.ofProperty("boussole.console.max-login-failures", "must be at least 1");
        }
        positive("boussole.console.reset-link-validity", resetLinkValidity);
        positive("boussole.console.lock-duration", lockDuration);
        positive("boussole.console.due-soon-within", dueSoonWithin);
    }

    static void positive(String property, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw InvalidSettingException.ofProperty(property, "must be a positive duration (15m, 1h, 2d), not " + value);
        }
    }
}
