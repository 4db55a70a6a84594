package fr.boussole.console.security;

import fr.boussole.core.settings.InvalidSettingException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How many password-reset emails may be asked for, per email and per client address, within one window:
 * without a limit anyone could flood a professional's mailbox (or the SMTP server's reputation). A request
 * past a limit gets the same answer as any other and sends nothing.
 *
 * @param maxResetRequestsPerEmail   reset emails for one email within the window
 * @param maxResetRequestsPerAddress reset requests from one client address within the window, whatever the emails
 * @param resetRequestWindow         the window
 */
@ConfigurationProperties("boussole.console")
record ResetLimits(@DefaultValue("3") int maxResetRequestsPerEmail,
                   @DefaultValue("10") int maxResetRequestsPerAddress,
                   @DefaultValue("1h") Duration resetRequestWindow) {

    ResetLimits {
        if (maxResetRequestsPerEmail < 1) {
            throw InvalidSettingException.ofProperty("boussole.console.max-reset-requests-per-email", "must be at least 1");
        }
        if (maxResetRequestsPerAddress < 1) {
            throw InvalidSettingException.ofProperty("boussole.console.max-reset-requests-per-address", "must be at least 1");
        }
        if (resetRequestWindow.isNegative() || resetRequestWindow.isZero()) {
            throw InvalidSettingException.ofProperty("boussole.console.reset-request-window", "must be positive");
        }
    }

    Attempts.Limit perEmail() {
        return Attempts.Limit.perWindow(maxResetRequestsPerEmail, resetRequestWindow);
    }

    Attempts.Limit perAddress() {
        return Attempts.Limit.perWindow(maxResetRequestsPerAddress, resetRequestWindow);
    }
}
