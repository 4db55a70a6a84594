package fr.boussole.store;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the offer store ({@code boussole.store.*}).
 *
 * @param indexRefresh             how often the matching index is rebuilt from the database, so that
 *                                 several instances converge (edits made through this instance are
 *                                 seen at once)
 * @param searchRetention          anonymous searches older than this are deleted
 * @param closedRequestRetention   closed contact requests are anonymised this long after closing
 * @param purgeCron                when the retention purge runs
 */
@ConfigurationProperties("boussole.store")
public record StoreProperties(Duration indexRefresh, Period searchRetention, Period closedRequestRetention,
                              String purgeCron) {

    public StoreProperties {
        indexRefresh = indexRefresh == null ? Duration.ofMinutes(1) : indexRefresh;
        searchRetention = searchRetention == null ? Period.ofMonths(25) : searchRetention;
        closedRequestRetention = closedRequestRetention == null ? Period.ofMonths(12) : closedRequestRetention;
        purgeCron = purgeCron == null || purgeCron.isBlank() ? "0 30 3 * * *" : purgeCron;
        if (indexRefresh.isNegative() || indexRefresh.isZero()) {
            throw new IllegalArgumentException("boussole.store.index-refresh must be a positive duration, got " + indexRefresh);
        }
        if (searchRetention.isNegative() || searchRetention.isZero()) {
            throw new IllegalArgumentException("boussole.store.search-retention must be a positive period, got " + searchRetention);
        }
        if (closedRequestRetention.isNegative() || closedRequestRetention.isZero()) {
            throw new IllegalArgumentException(
                    "boussole.store.closed-request-retention must be a positive period, got " + closedRequestRetention);
        }
    }
}
