package fr.boussole.console.security;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Failed sign-in counts, by key. Counting is one atomic increment, so that an attacker sending many
 * guesses at once (or to several instances) cannot slip extra ones between a read and a write.
 */
@Component
class LoginThrottles {

    private final MongoTemplate mongo;

    LoginThrottles(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<LoginThrottle> findById(String key) {
        return Optional.ofNullable(mongo.findById(key, LoginThrottle.class));
    }

    /**
     * Counts one failure and locks the key for {@code lock} when the count reaches {@code max}. A lock that
     * has run out starts a fresh count, and so does a count begun before {@code windowStart} (when given).
     */
    void failed(String key, Instant now, Instant windowStart, int max, Duration lock) {
        Criteria stale = windowStart == null ? Criteria.where("lockedUntil").lte(now)
                : new Criteria().orOperator(Criteria.where("lockedUntil").lte(now), Criteria.where("since").lt(windowStart));
        mongo.remove(new Query(new Criteria().andOperator(Criteria.where("_id").is(key), stale)), LoginThrottle.class);
        LoginThrottle counted = mongo.findAndModify(new Query(Criteria.where("_id").is(key)),
                new Update().inc("failures", 1).setOnInsert("since", now),
                FindAndModifyOptions.options().upsert(true).returnNew(true), LoginThrottle.class);
        if (counted != null && counted.failures() >= max && counted.lockedUntil() == null) {
            mongo.updateFirst(new Query(Criteria.where("_id").is(key).and("lockedUntil").is(null)),
                    new Update().set("lockedUntil", now.plus(lock)), LoginThrottle.class);
        }
    }

    void deleteById(String key) {
        mongo.remove(new Query(Criteria.where("_id").is(key)), LoginThrottle.class);
    }
}
