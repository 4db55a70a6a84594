package fr.boussole.console.security;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Attempts counted under one key (an email or a client address signing in, asking for a password
 * reset). An attempt is <em>reserved</em> before the work it guards (a password check, a reset email)
 * by one atomic conditional increment: at most {@code max} reservations are ever granted per key, however
 * many requests arrive at once and on however many instances. Once the count is at {@code max} the key is
 * refused until {@code lock} after the last attempt granted; a windowed key also starts over when its
 * count began before the window.
 */
@Component
class Attempts {

    private final MongoTemplate mongo;

    Attempts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** One key's limits: at most {@code max} attempts, refused for {@code lock} after that; windowed or not. */
    record Limit(int max, Duration lock, Duration window) {

        static Limit inARow(int max, Duration lock) {
            return new Limit(max, lock, null);
        }

        static Limit perWindow(int max, Duration window) {
            return new Limit(max, window, window);
        }
    }

    Optional<LoginThrottle> findById(String key) {
        return Optional.ofNullable(mongo.findById(key, LoginThrottle.class));
    }

    /**
     * Reserves one attempt for {@code key}; false when its limit is reached (the attempt must not be made).
     * The reservation counts as a failure until {@link #refund} or {@link #clear} takes it back.
     */
    boolean reserve(String key, Instant now, Limit limit) {
        Query byKey = Query.query(Criteria.where("_id").is(key));
        for (int tries = 0; tries < 3; tries++) {
            mongo.remove(Query.query(new Criteria().andOperator(Criteria.where("_id").is(key), stale(now, limit))),
                    LoginThrottle.class);
            mongo.upsert(byKey, new Update().setOnInsert("attempts", 0).setOnInsert("since", now), LoginThrottle.class);
            // The one atomic step: it matches only below the limit, so no more than max are ever granted.
            if (mongo.updateFirst(Query.query(Criteria.where("_id").is(key).and("attempts").lt(limit.max())),
                    new Update().inc("attempts", 1).max("lastAt", now), LoginThrottle.class).getModifiedCount() == 1) {
                return true;
            }
            if (mongo.exists(byKey, LoginThrottle.class)) {
                return false;
            }
            // removed as stale by another request between the two steps: count afresh
        }
        return false;
    }

    /** Gives back one reservation (an attempt that turned out well and must not count). */
    void refund(String key) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(key).and("attempts").gt(0)),
                new Update().inc("attempts", -1), LoginThrottle.class);
    }

    /** True while the key is at its limit. */
    boolean refused(String key, Instant now, Limit limit) {
        return findById(key).map(t -> t.attempts() >= limit.max() && t.lastAt() != null
                && now.isBefore(t.lastAt().plus(limit.lock()))).orElse(false);
    }

    /** Starts the key's count over. */
    void clear(String key) {
        mongo.remove(Query.query(Criteria.where("_id").is(key)), LoginThrottle.class);
    }

    /** A count that no longer holds: its lock is over, or (windowed) it began before the window. */
    private static Criteria stale(Instant now, Limit limit) {
        List<Criteria> any = new ArrayList<>();
        any.add(Criteria.where("attempts").gte(limit.max()).and("lastAt").lte(now.minus(limit.lock())));
        if (limit.window() != null) {
            any.add(Criteria.where("attempts").lt(limit.max()).and("since").lt(now.minus(limit.window())));
        }
        return new Criteria().orOperator(any);
    }
}
