package fr.boussole.console.security;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Deletes expired password-reset links and old login-failure counts (the store's promises purge
 * their alert links themselves). TTL indexes do not expire anything on the embedded store, so a
 * scheduled job does it.
 */
@Service
public class Housekeeping {

    /** Kept a while after expiry, so that a late click still gets the "expired" page rather than "unknown". */
    static final Duration KEEP_EXPIRED = Duration.ofDays(30);

    private final MongoTemplate mongo;
    private final Clock clock;

    Housekeeping(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Scheduled(cron = "${boussole.console.purge-cron:0 10 4 * * *}", zone = "Europe/Paris")
    @SchedulerLock(name = "console-housekeeping", lockAtMostFor = "30m")
    public void purge() {
        Instant cutoff = clock.instant().minus(KEEP_EXPIRED);
        mongo.remove(new Query(Criteria.where("expiresAt").lt(cutoff)), "console_password_resets");
        // Failure counts name an email or a client address (personal data): none outlives the cutoff,
        // locked or not (a lock lasts minutes, so a count begun before the cutoff with no lock is dead).
        mongo.remove(new Query(new Criteria().orOperator(Criteria.where("lockedUntil").lt(cutoff),
                Criteria.where("lockedUntil").is(null).and("since").lt(cutoff))), "console_login_throttle");
    }
}
