package fr.boussole.app.conversation;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Time-limited exclusive claims on a name, shared by every instance on the store. Taking one is a
 * single findAndModify that matches only a free (expired) lease or our own; when the lease document
 * does not exist yet, an insert creates it, and of two racing inserts the unique _id lets one win.
 */
@Component
class Leases {

    static final String COLLECTION = "leases";

    private final MongoTemplate mongo;

    Leases(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    boolean tryAcquire(String name, String token, Instant now, Duration duration) {
        Query freeOrOurs = Query.query(Criteria.where("_id").is(name)
                .orOperator(Criteria.where("until").lt(Date.from(now)), Criteria.where("owner").is(token)));
        Update take = new Update().set("owner", token).set("until", Date.from(now.plus(duration)));
        if (mongo.findAndModify(freeOrOurs, take, Document.class, COLLECTION) != null) {
            return true;
        }
        if (mongo.exists(Query.query(Criteria.where("_id").is(name)), COLLECTION)) {
            return false; // held by another worker
        }
        try {
            mongo.insert(new Document("_id", name).append("owner", token).append("until", Date.from(now.plus(duration))),
                    COLLECTION);
            return true;
        } catch (DuplicateKeyException anotherWasFaster) {
            return false;
        }
    }

    /** @return false when the lease was lost (expired and taken by another worker) */
    boolean renew(String name, String token, Instant now, Duration duration) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(name).and("owner").is(token)
                                .and("until").gte(Date.from(now))),
                        new Update().set("until", Date.from(now.plus(duration))), COLLECTION)
                .getMatchedCount() == 1;
    }

    void release(String name, String token) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(name).and("owner").is(token)),
                new Update().set("until", new Date(0)), COLLECTION);
    }
}
