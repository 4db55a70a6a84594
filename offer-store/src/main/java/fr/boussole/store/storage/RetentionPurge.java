package fr.boussole.store.storage;

import fr.boussole.store.funnel.FunnelMarks;
import fr.boussole.core.retention.OldRequests;
import fr.boussole.store.request.ContactRequest;
import fr.boussole.store.request.ContactRequestRecords;
import fr.boussole.store.request.RequestStatus;
import fr.boussole.store.search.SearchRecords;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * The offer store's part of the retention schedule (the application's retention job calls it with
 * the limits of {@code boussole.retention.*}): old searches deleted, closed requests and requests left open
 * long past their due date anonymised. Safe
 * on several instances: deleting twice deletes nothing more, and a request anonymised by another
 * instance meanwhile is skipped by its version.
 */
@Component
public class RetentionPurge implements OldRequests {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);
    private static final int BATCH = 200;

    private final SearchRecords searches;
    private final FunnelMarks funnelMarks;
    private final ContactRequestRecords requests;

    RetentionPurge(SearchRecords searches, FunnelMarks funnelMarks, ContactRequestRecords requests) {
        this.searches = searches;
        this.funnelMarks = funnelMarks;
        this.requests = requests;
    }

    /**
     * Deletes the anonymous statistics made before {@code limit}: the searches and the questionnaires'
     * funnel marks, kept as long as each other so that the funnel and the unmet demand cover one period;
     * returns how many.
     */
    @Override
    public long deleteSearchesBefore(Instant limit) {
        return searches.deleteByAtBefore(limit) + funnelMarks.deleteByAtBefore(limit);
    }

    /** Anonymises the requests closed before {@code limit}; returns how many. */
    @Override
    public int anonymiseClosedBefore(Instant limit) {
        return anonymiseAll(() -> requests.findByStatusAndAnonymisedFalseAndClosedAtBefore(RequestStatus.CLOSED, limit,
                PageRequest.of(0, BATCH)));
    }

    /**
     * Anonymises the requests still open (never closed by their organisation) whose due date is before
     * {@code limit}; returns how many. Without it a request nobody closes would keep the young person's
     * contact and answers for ever.
     */
    @Override
    public int anonymiseOpenDueBefore(Instant limit) {
        return anonymiseAll(() -> requests.findByStatusNotAndAnonymisedFalseAndDueAtBefore(RequestStatus.CLOSED, limit,
                PageRequest.of(0, BATCH)));
    }

    private int anonymiseAll(java.util.function.Supplier<List<ContactRequest>> nextBatch) {
        int anonymised = 0;
        List<ContactRequest> batch;
        do {
            batch = nextBatch.get();
            int before = anonymised;
            for (ContactRequest request : batch) {
                request.anonymise();
                try {
                    requests.save(request);
                    anonymised++;
                } catch (OptimisticLockingFailureException other) {
                    log.debug("Request anonymised elsewhere meanwhile");
                }
            }
            if (anonymised == before) {
                break; // a whole batch changed elsewhere: the next run takes it again
            }
        } while (batch.size() == BATCH);
        return anonymised;
    }
}
