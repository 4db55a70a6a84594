package fr.boussole.channels.limit;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import fr.boussole.core.privacy.PersonalData;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Fixed-window send limits shared by every instance: one document per key and window, whose counter is
 * raised by an atomic findAndModify. A send over the limit is told how long to wait for the next window.
 */
@Component("channelsRateLimiter")
public class RateLimiter {

    static final String COLLECTION = "channel_rate_windows";
    private static final int PURGE_EVERY = 1000;

    private final MongoTemplate mongo;
    private final Clock clock;
    private final PersonalData personalData;
    private final AtomicLong calls = new AtomicLong();
    private volatile boolean indexed;

    RateLimiter(MongoTemplate mongo, Clock clock, PersonalData personalData) {
        this.mongo = mongo;
        this.clock = clock;
        this.personalData = personalData;
    }

    /**
     * Counts one send under {@code key}.
     *
     * @return empty when allowed; otherwise how long to wait before trying again
     */
    public Optional<Duration> acquire(String key, int limit, Duration window) {
        if (!indexed) {
            // Purges the windows on a real MongoDB; the periodic purge below covers stores without TTL expiry.
            mongo.indexOps(COLLECTION).createIndex(new Index().on("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO));
            indexed = true;
        }
        long now = clock.millis();
        long size = window.toMillis();
        long start = now - Math.floorMod(now, size);
        Document counter = mongo.findAndModify(
                // keys may name a chat or a number: stored as their lookup key only
                Query.query(Criteria.where("_id").is(personalData.lookupKeyOfId(key) + "@" + start)),
                new Update().inc("count", 1).setOnInsert("expiresAt", new Date(start + size)),
                FindAndModifyOptions.options().upsert(true).returnNew(true),
                Document.class, COLLECTION);
        if (calls.incrementAndGet() % PURGE_EVERY == 0) {
            mongo.remove(Query.query(Criteria.where("expiresAt").lt(new Date(now - size))), COLLECTION);
        }
        long count = counter == null ? 1 : ((Number) counter.get("count")).longValue();
        return count <= limit ? Optional.empty() : Optional.of(Duration.ofMillis(start + size - now));
    }
}
