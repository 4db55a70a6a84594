package fr.boussole.store.storage;

import fr.boussole.store.StoreProperties;
import fr.boussole.store.request.ContactRequest;
import fr.boussole.store.request.ContactRequestRecords;
import fr.boussole.store.request.RequestStatus;
import fr.boussole.store.search.SearchRecords;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes or anonymises data past its retention, on the clock (TTL indexes do not expire on the
 * embedded store). Safe to run on several instances at once: deleting twice deletes nothing more,
 * and a request anonymised by another instance meanwhile is skipped by its version.
 */
@Component
public class RetentionPurge {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);
    private static final int BATCH = 200;

    private final SearchRecords searches;
    private final ContactRequestRecords requests;
    private final StoreProperties properties;
    private final Clock clock;

    RetentionPurge(SearchRecords searches, ContactRequestRecords requests, StoreProperties properties, Clock clock) {
        this.searches = searches;
        this.requests = requests;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(cron = "${boussole.store.purge-cron:0 30 3 * * *}", zone = "UTC")
    public void purge() {
        Instant now = clock.instant();
        Instant searchLimit = now.atZone(ZoneOffset.UTC).minus(properties.searchRetention()).toInstant();
        long deleted = searches.deleteByAtBefore(searchLimit);
        Instant requestLimit = now.atZone(ZoneOffset.UTC).minus(properties.closedRequestRetention()).toInstant();
        int anonymised = 0;
        List<ContactRequest> batch;
        do {
            batch = requests.findByStatusAndAnonymisedFalseAndClosedAtBefore(RequestStatus.CLOSED, requestLimit,
                    PageRequest.of(0, BATCH));
            for (ContactRequest request : batch) {
                request.anonymise();
                try {
                    requests.save(request);
                    anonymised++;
                } catch (OptimisticLockingFailureException other) {
                    log.debug("Request anonymised elsewhere meanwhile");
                }
            }
        } while (batch.size() == BATCH);
        log.info("Retention purge: {} searches deleted, {} closed requests anonymised", deleted, anonymised);
    }
}
