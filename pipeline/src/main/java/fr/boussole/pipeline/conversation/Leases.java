package fr.boussole.pipeline.conversation;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Time-limited exclusive claims on a name, shared by every instance on the store. Each change is a
 * compare-and-set: a single findAndModify matching the lease's current generation through a unique
 * key ({@code cas} = name#generation), so that of two workers reading the same free lease only one
 * takes it. Matching by that key alone keeps every operation an indexed exact match, even on the
 * embedded store (which uses no index for compound conditions).
 */
@Component
public class Leases {

    static final String COLLECTION = "leases";

    private final MongoTemplate mongo;

    Leases(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("cas", Sort.Direction.ASC).unique().named("cas"));
    }

    public boolean tryAcquire(String name, String token, Instant now, Duration duration) {
        Document lease = mongo.findById(name, Document.class, COLLECTION);
        if (lease == null) {
            try {
                mongo.insert(new Document("_id", name).append("owner", token).append("until", Date.from(now.plus(duration)))
                        .append("generation", 0L).append("cas", name + "#0"), COLLECTION);
                return true;
            } catch (DuplicateKeyException anotherWasFaster) {
                return false;
            }
        }
        boolean free = lease.getDate("until").toInstant().isBefore(now) || token.equals(lease.getString("owner"));
        return free && swap(lease, new Update().set("owner", token).set("until", Date.from(now.plus(duration))));
    }

    /** @return false when the lease was lost (expired and taken by another worker) */
    boolean renew(String name, String token, Instant now, Duration duration) {
        Document lease = mongo.findById(name, Document.class, COLLECTION);
        return lease != null && token.equals(lease.getString("owner")) && !lease.getDate("until").toInstant().isBefore(now)
                && swap(lease, new Update().set("until", Date.from(now.plus(duration))));
    }

    public void release(String name, String token) {
        Document lease = mongo.findById(name, Document.class, COLLECTION);
        if (lease != null && token.equals(lease.getString("owner"))) {
            swap(lease, new Update().set("until", new Date(0)));
        }
    }

    private boolean swap(Document lease, Update update) {
        long generation = ((Number) lease.get("generation")).longValue();
        String name = lease.getString("_id");
        update.set("generation", generation + 1).set("cas", name + "#" + (generation + 1));
        return mongo.findAndModify(Query.query(Criteria.where("cas").is(name + "#" + generation)), update,
                Document.class, COLLECTION) != null;
    }
}
