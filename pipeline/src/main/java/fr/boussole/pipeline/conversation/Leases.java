package fr.boussole.pipeline.conversation;

import fr.boussole.pipeline.writes.Unawaited;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Time-limited exclusive claims on a name, shared by every instance on the store. Each change is a
 * compare-and-set: a single findAndModify matching the lease's current generation through a unique
 * key ({@code cas} = name#generation), so that of two workers reading the same free lease only one
 * takes it. Matching by that key alone keeps every operation an indexed exact match, even on the
 * embedded store (which uses no index for compound conditions). A holder remembers the generation
 * it set: renewing and releasing are then one round trip each, and fail if anyone changed the lease
 * since. The expiry is on the taker's clock: leases only keep workers from doing the same work; the
 * fences on what they write (versions, generations) are what keep a late worker harmless; for the
 * same reason no change of a lease waits for durability ({@link Unawaited}): a lease lost in a crash
 * was held by a process that is gone.
 */
@Component
public class Leases {

    static final String COLLECTION = "leases";

    private final MongoTemplate mongo;
    private final Unawaited unawaited;
    /** name#token -> the generation this holder set last. */
    private final Map<String, Long> held = new ConcurrentHashMap<>();
    /**
     * name -> the generation this instance's release set, for the last few thousand leases released here:
     * a lease stored at that generation is still free as released (every change moves the generation), so
     * taking it again is one compare-and-set, without reading it first.
     */
    private final Map<String, Long> released = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > RELEASED_KEPT;
        }
    });
    private static final int RELEASED_KEPT = 10_000;

    Leases(MongoTemplate mongo) {
        this.mongo = mongo;
        this.unawaited = new Unawaited(mongo);
        mongo.indexOps(COLLECTION).createIndex(new Index().on("cas", Sort.Direction.ASC).unique().named("cas"));
    }

    public boolean tryAcquire(String name, String token, Instant now, Duration duration) {
        Long releasedAt = released.remove(name);
        if (releasedAt != null && swap(name, token, releasedAt, new Document("owner", token).append("until", Date.from(now.plus(duration))))) {
            return true;
        }
        Document lease = mongo.findById(name, Document.class, COLLECTION);
        if (lease == null) {
            try {
                unawaited.insert(COLLECTION, new Document("_id", name).append("owner", token).append("until", Date.from(now.plus(duration)))
                        .append("generation", 0L).append("cas", name + "#0"));
                held.put(name + "#" + token, 0L);
                return true;
            } catch (DuplicateKeyException anotherWasFaster) {
                return false;
            }
        }
        boolean free = lease.getDate("until").toInstant().isBefore(now) || token.equals(lease.getString("owner"));
        return free && swap(name, token, ((Number) lease.get("generation")).longValue(),
                new Document("owner", token).append("until", Date.from(now.plus(duration))));
    }

    /** @return false when the lease was lost (taken by another worker since this one set it) */
    boolean renew(String name, String token, Instant now, Duration duration) {
        Long generation = held.get(name + "#" + token);
        return generation != null && swap(name, token, generation, new Document("until", Date.from(now.plus(duration))));
    }

    public void release(String name, String token) {
        Long generation = held.remove(name + "#" + token);
        if (generation != null && unawaited.updateOne(COLLECTION, new Document("cas", name + "#" + generation), new Document("$set",
                new Document("until", new Date(0)).append("generation", generation + 1).append("cas", name + "#" + (generation + 1))))) {
            released.put(name, generation + 1); // only when it was still ours: otherwise that generation is another holder's
        }
    }

    private boolean swap(String name, String token, long generation, Document set) {
        set.append("generation", generation + 1).append("cas", name + "#" + (generation + 1));
        boolean swapped = unawaited.findAndUpdate(COLLECTION, new Document("cas", name + "#" + generation),
                new Document("$set", set)) != null;
        if (swapped) {
            held.put(name + "#" + token, generation + 1);
        } else {
            held.remove(name + "#" + token);
        }
        return swapped;
    }
}
