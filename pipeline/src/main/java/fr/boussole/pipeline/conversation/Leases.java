package fr.boussole.pipeline.conversation;

import fr.boussole.core.ids.Ids;
import fr.boussole.core.settings.StoreSharing;
import fr.boussole.pipeline.writes.Unawaited;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
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
import java.util.concurrent.ThreadLocalRandom;

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
 * <p>
 * The other way round, a lease written just before a crash may be in the store after it, held by a
 * process that is gone, until it runs out. Each lease taken names the run of the process that took it
 * ({@code run}, drawn when this starts). Where the assembly says the store is this process's alone
 * ({@link StoreSharing#EXCLUSIVE}: no other process writes to it), a lease taken by another run was taken
 * by an earlier run of this process, which is dead: it is free whatever its expiry, and is taken by the
 * same compare-and-set as an expired one, so a holder (were there one) would find it lost. This costs
 * nothing per message and no read of the collection at start-up. On a shared store, leases run out
 * ({@code boussole.pipeline.lease}).
 */
@Component
public class Leases {

    static final String COLLECTION = "leases";
    private static final Logger log = LoggerFactory.getLogger(Leases.class);

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

    /** This run of the process: named in every lease it takes. */
    private final String run = Ids.random("run");
    /** Whether no other process writes to the store: a lease of another run is then a dead run's. */
    private final boolean exclusive;

    Leases(MongoTemplate mongo, ObjectProvider<StoreSharing> sharing) {
        this.mongo = mongo;
        this.exclusive = sharing.getIfAvailable(() -> StoreSharing.SHARED) == StoreSharing.EXCLUSIVE;
        this.unawaited = new Unawaited(mongo);
        mongo.indexOps(COLLECTION).createIndex(new Index().on("cas", Sort.Direction.ASC).unique().named("cas"));
    }

    public boolean tryAcquire(String name, String token, Instant now, Duration duration) {
        Long releasedAt = released.remove(name);
        if (releasedAt != null && swap(name, token, releasedAt, taken(token, now, duration))) {
            return true;
        }
        Document lease = mongo.findById(name, Document.class, COLLECTION);
        if (lease == null) {
            // A lease is removed with its conversation's data (its name holds the conversation's reference); one made
            // again must not count its generations from where the removed one did, or a holder of the old one (paused
            // past it) or a release remembered here would match the new one's unique key and renew or take it.
            long first = ThreadLocalRandom.current().nextLong(Long.MAX_VALUE / 2);
            try {
                unawaited.insert(COLLECTION, taken(token, now, duration).append("_id", name)
                        .append("generation", first).append("cas", name + "#" + first));
                held.put(name + "#" + token, first);
                return true;
            } catch (DuplicateKeyException anotherWasFaster) {
                return false;
            }
        }
        boolean expired = lease.getDate("until").toInstant().isBefore(now);
        boolean orphaned = !expired && exclusive && !run.equals(lease.getString("run"));
        boolean free = expired || orphaned || token.equals(lease.getString("owner"));
        boolean taken = free && swap(name, token, ((Number) lease.get("generation")).longValue(), taken(token, now, duration));
        if (taken && orphaned) {
            log.info("a lease left by an earlier run of this process (killed while holding it) taken at once");
        }
        return taken;
    }

    private Document taken(String token, Instant now, Duration duration) {
        return new Document("owner", token).append("run", run).append("until", Date.from(now.plus(duration)));
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
