package fr.boussole.channels.limit;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import fr.boussole.core.privacy.PersonalData;
import com.mongodb.WriteConcern;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Fixed-window send limits shared by every instance: one document per key and window, whose counter is
 * raised by an atomic findAndModify. A send over the limit is told how long to wait for the next window.
 */
@Component("channelsRateLimiter")
public class RateLimiter {

    static final String COLLECTION = "channel_rate_windows";
    private static final WriteConcern UNAWAITED = WriteConcern.MAJORITY.withJournal(false); // as the pipeline's Unawaited
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
        // keys may name a chat or a number: stored as their lookup key only
        Document filter = new Document("_id", personalData.lookupKeyOfId(key) + "@" + start);
        Document update = new Document("$inc", new Document("count", 1))
                .append("$setOnInsert", new Document("expiresAt", new Date(start + size)));
        // Not waited for durability (j: false): a count lost in a crash lets a few more through, and on
        // the web chat's path this write would otherwise wait for a commit of the store before every message.
        // the count before this one, plus one (see Unawaited#upsertAndGetBefore: right on any store, including
        // the stock mongo-java-server, whose "after" could be changed by a concurrent increment before it is sent)
        Document before = mongo.execute(COLLECTION, c -> c.withWriteConcern(UNAWAITED).findOneAndUpdate(filter, update,
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE)));
        if (calls.incrementAndGet() % PURGE_EVERY == 0) {
            mongo.remove(Query.query(Criteria.where("expiresAt").lt(new Date(now - size))), COLLECTION);
        }
        long count = before == null ? 1 : ((Number) before.get("count")).longValue() + 1;
        return count <= limit ? Optional.empty() : Optional.of(Duration.ofMillis(start + size - now));
    }
}
