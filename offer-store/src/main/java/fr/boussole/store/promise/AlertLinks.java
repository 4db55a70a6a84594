package fr.boussole.store.promise;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

/** The alert links, by token hash. */
@Component
class AlertLinks {

    private final MongoTemplate mongo;

    AlertLinks(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void save(AlertLink link) {
        mongo.save(link);
    }

    Optional<AlertLink> findById(String tokenHash) {
        return Optional.ofNullable(mongo.findById(tokenHash, AlertLink.class));
    }

    void deleteExpiredBefore(Instant cutoff) {
        mongo.remove(new Query(Criteria.where("expiresAt").lt(cutoff)), AlertLink.class);
    }
}
