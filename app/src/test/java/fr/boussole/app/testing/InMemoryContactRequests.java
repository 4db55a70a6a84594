package fr.boussole.app.testing;

import fr.boussole.core.conversation.ContactRequestDraft;
import fr.boussole.core.offer.ContactRequestAlerts;
import fr.boussole.core.offer.ContactRequests;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Small in-memory stand-ins for the store's {@link ContactRequests} and the console's
 * {@link ContactRequestAlerts}, until the merge brings the real ones. Static, so that tests see
 * what every context of the JVM recorded.
 */
public class InMemoryContactRequests implements ContactRequests, ContactRequestAlerts {

    public static final Map<String, Recorded> RECORDED = new ConcurrentHashMap<>();
    public static final List<String> ALERTED = new CopyOnWriteArrayList<>();
    /** how many more calls to record() throw, as if the store failed */
    public static final AtomicInteger FAILURES = new AtomicInteger();

    @Override
    public Recorded record(String requestId, ContactRequestDraft draft) {
        if (FAILURES.getAndDecrement() > 0) {
            throw new IllegalStateException("scripted store failure");
        }
        return RECORDED.computeIfAbsent(requestId, id -> new Recorded(id, draft.offerId(), "org-1", draft.createdAt(),
                draft.createdAt().plus(Duration.ofDays(3))));
    }

    @Override
    public java.util.Optional<Recorded> recordAnother(String requestId, String previousRequestId, String offerId,
                                                     fr.boussole.core.conversation.ConsentRecord consent) {
        Recorded previous = RECORDED.get(previousRequestId);
        return previous == null ? java.util.Optional.empty() : java.util.Optional.of(RECORDED.computeIfAbsent(requestId,
                id -> new Recorded(id, offerId, "org-2", consent.acceptedAt(), consent.acceptedAt().plus(Duration.ofDays(3)))));
    }

    @Override
    public void requestRecorded(Recorded request) {
        ALERTED.add(request.requestId());
    }
}
