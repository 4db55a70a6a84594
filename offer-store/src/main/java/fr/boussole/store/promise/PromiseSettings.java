package fr.boussole.store.promise;

import fr.boussole.core.settings.InvalidSettingException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the promises, {@code boussole.store.promises.*}. The schedules are read where they
 * run: {@code reminders-cron} (default every quarter of an hour, Paris time), {@code purge-cron}
 * (expired links, default 04:10), {@code contact-checks.first-check} and
 * {@code contact-checks.check-every} (default one and five minutes).
 *
 * @param alertLinkValidity   how long the link of an alert opens its request
 * @param contactCheckBatch   requests asked about per round trip to the store
 * @param newsExpiredWithin   how recently a new request must have fallen due for its young person to be
 *                            told the delay passed ({@code news-expired-within}; the news job runs every
 *                            {@code news.check-every}, default one minute)
 */
@ConfigurationProperties("boussole.store.promises")
public record PromiseSettings(@DefaultValue("5d") Duration alertLinkValidity,
                              @DefaultValue("50") int contactCheckBatch,
                              @DefaultValue("7d") Duration newsExpiredWithin) {

    public PromiseSettings {
        if (alertLinkValidity.isNegative() || alertLinkValidity.isZero()) {
            throw InvalidSettingException.ofProperty("boussole.store.promises.alert-link-validity", "must be a positive duration (5d, 48h)");
        }
        if (newsExpiredWithin.isNegative() || newsExpiredWithin.isZero()) {
            throw InvalidSettingException.ofProperty("boussole.store.promises.news-expired-within", "must be a positive duration (7d)");
        }
        if (contactCheckBatch < 1) {
            throw InvalidSettingException.ofProperty("boussole.store.promises.contact-check-batch", "must be at least 1");
        }
    }
}
