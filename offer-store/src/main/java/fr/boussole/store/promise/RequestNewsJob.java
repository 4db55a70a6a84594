package fr.boussole.store.promise;

import fr.boussole.core.message.StoreUnavailableException;
import fr.boussole.store.request.ContactRequest;
import fr.boussole.store.request.ContactRequestRecords;
import fr.boussole.store.request.RequestBook;
import fr.boussole.store.request.RequestStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * Every minute: the new requests whose promised delay has just passed get their "delay passed" news,
 * and any news left untold by a crash (or by a change made on another instance that failed to hand it
 * over) is handed over. Safe on several instances: the expiry is a versioned change of the request,
 * and the inbox takes a news handed twice once.
 * <p>
 * Only requests that fell due within {@code boussole.store.promises.news-expired-within} (a week by
 * default) are told the delay passed: upgrading a store full of old requests tells nobody about a
 * promise broken months ago.
 */
@Component
public class RequestNewsJob {

    private static final Logger log = LoggerFactory.getLogger(RequestNewsJob.class);

    private final ContactRequestRecords records;
    private final RequestBook requests;
    private final RequestNewsService news;
    private final PromiseSettings settings;
    private final Clock clock;

    RequestNewsJob(ContactRequestRecords records, RequestBook requests, RequestNewsService news,
                   PromiseSettings settings, Clock clock) {
        this.records = records;
        this.requests = requests;
        this.news = news;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${boussole.store.promises.news.first-check:PT1M}",
            fixedDelayString = "${boussole.store.promises.news.check-every:PT1M}")
    void scheduled() {
        try {
            int told = run(clock.instant());
            if (told > 0) {
                log.info("Request news: {} told to young people", told);
            }
        } catch (StoreUnavailableException | DataAccessException e) {
            log.warn("Request news: the store is unavailable, next round in a minute: {}", e.getClass().getName());
        }
    }

    /**
     * @return how many requests were found past their delay in this round (each told at once, right
     *         after the change) plus how many news left untold were handed over
     */
    public int run(Instant now) {
        int expired = 0;
        for (ContactRequest due : records.findByStatusAndDueAtBetween(RequestStatus.NEW,
                now.minus(settings.newsExpiredWithin()), now)) {
            if (due.expire(now)) { // checked on this copy first: most requests due in the week were told already
                requests.expire(due.getId(), now);
                expired++;
            }
        }
        int told = 0;
        for (ContactRequest pending : records.findByNewsPendingTrue()) {
            told += news.handOff(pending.getId());
        }
        return expired + told;
    }
}
