package fr.boussole.store;

import fr.boussole.core.settings.InvalidSettingException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the offer store ({@code boussole.store.*}). Retention is the application's one
 * schedule, {@code boussole.retention.*}.
 *
 * @param indexRefresh             how often the matching index is rebuilt from the database, so that
 *                                 several instances converge (edits made through this instance are
 *                                 seen at once)
 */
@ConfigurationProperties("boussole.store")
public record StoreProperties(Duration indexRefresh) {

    public StoreProperties {
        indexRefresh = indexRefresh == null ? Duration.ofMinutes(1) : indexRefresh;
        if (indexRefresh.isNegative() || indexRefresh.isZero()) {
            throw InvalidSettingException.ofProperty("boussole.store.index-refresh", "must be a positive duration (1m), not " + indexRefresh);
        }
    }
}
