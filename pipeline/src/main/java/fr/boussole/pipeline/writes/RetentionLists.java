package fr.boussole.pipeline.writes;

import fr.boussole.core.ids.Ids;
import fr.boussole.core.retention.ListingTime;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where the retention job finds the messages and deliveries it may prune without looking for them: each
 * record is listed, by its id, as it is handled, in a small document of {@code retention_lists} whose {@code _id}
 * starts with the hour of its listing ({@code stamp(hour) + "#" + chunk}), under one field per kind
 * ({@value #INBOUND}, {@value #OUTBOX}). The job reads the lists of the hours past a kind's limit (a range
 * on {@code _id} over this small collection: a few documents an hour), then each record by {@code _id}; it
 * never queries the records themselves by status or date, which the embedded store answers by walking the
 * whole history while holding its collection. Conversations are listed the same way ({@value #CONVERSATION}), under
 * the hour of their activity, at most once an hour each, in lists of their own ({@value #CONVERSATION_LISTS}): the job
 * finds there those that fell idle.
 * <p>
 * A listing is written without waiting ({@link Unawaited}): each is made just before a write of the record
 * that waits (the message's "processed" mark, the entry's insert), which makes it durable too. A record
 * listed twice, or listed and then not written, costs the job one read by {@code _id}.
 * <p>
 * Each instance appends to chunks of its own ({@value #PUSHES_PER_CHUNK} listings each), so that a list
 * stays small whatever the traffic (a push rewrites its document on the embedded store).
 */
public final class RetentionLists {

    public static final String COLLECTION = "retention_lists";
    /**
     * The conversations' lists, apart: the job walks a kind's lists by a range on {@code _id}, and each kind's walk
     * then reads only the lists of that kind (the messages' lists are far more numerous).
     */
    public static final String CONVERSATION_LISTS = "conversation_lists";
    /** Inbound messages ({@code inbound_messages} ids). */
    public static final String INBOUND = "inbound";
    /** Outbox entries ({@code outbox} ids). */
    public static final String OUTBOX = "outbox";
    /** Conversations ({@code conversations} ids, their refs), by the hour they were active in. */
    public static final String CONVERSATION = "conversation";
    /** Every kind a list may hold: a list goes when none is left in it. */
    public static final List<String> KINDS = List.of(INBOUND, OUTBOX, CONVERSATION);
    static final int PUSHES_PER_CHUNK = 100;
    private static final Duration HOUR = Duration.ofHours(1);

    private final Unawaited unawaited;
    private final String collection;
    private final String instance = Ids.random("rl");
    private final AtomicLong pushes = new AtomicLong();

    public RetentionLists(MongoTemplate mongo) {
        this(mongo, COLLECTION);
    }

    /** Lists kept in {@code collection} ({@value #COLLECTION} or {@value #CONVERSATION_LISTS}). */
    public RetentionLists(MongoTemplate mongo, String collection) {
        this.unawaited = new Unawaited(mongo);
        this.collection = collection;
    }

    /**
     * Lists records under the hour of {@code at}, by kind; not waited for. {@code at} is now: a list is only ever
     * written in the current hour, never in one the job may be reading (those are past a retention limit), and a
     * record is never listed before its date (the job judges each by its own date).
     *
     * @return the {@code _id} of the list written to, or null when there was nothing to list
     */
    public String list(Map<String, List<String>> idsByKind, Instant at) {
        Document push = new Document();
        idsByKind.forEach((kind, ids) -> {
            if (!ids.isEmpty()) {
                push.append(kind, new Document("$each", ids));
            }
        });
        if (push.isEmpty()) {
            return null;
        }
        String chunk = stamp(hourOf(at)) + "#" + instance + "-" + (pushes.getAndIncrement() / PUSHES_PER_CHUNK);
        unawaited.upsert(collection, new Document("_id", chunk),
                new Document("$push", push).append("$setOnInsert", new Document("at", Date.from(hourOf(at)))));
        return chunk;
    }

    /** Whether no kind is left in this list (it can go). */
    public static boolean empty(Document list) {
        return KINDS.stream().noneMatch(list::containsKey);
    }

    /** The hour a list (by its {@code _id}) is of. */
    public static Instant hourOfList(String id) {
        return Instant.ofEpochMilli(Long.parseLong(id.substring(0, id.indexOf('#'))));
    }

    /**
     * Lists a batch of records of one kind in a list of their own (the job's re-listings, the one-off walk); not
     * waited for: the job's next waited write covers it (the list it takes them out of, the walk's marker).
     */
    public void insert(String kind, List<String> ids, Instant at) {
        if (!ids.isEmpty()) {
            unawaited.insert(collection, new Document("_id", stamp(hourOf(at)) + "#" + Ids.random("rb"))
                    .append("at", Date.from(hourOf(at))).append(kind, ids));
        }
    }

    /**
     * Ids gathered by the hour of their record's date, for a one-off walk over records stored before the lists: each
     * hour's ids go in as a list of their own ({@link #insert}) once they are {@code size}, the rest at {@link ByHour#flush}.
     */
    public ByHour byHour(String kind, int size) {
        return new ByHour(kind, size);
    }

    /** See {@link #byHour}. */
    public final class ByHour {

        private final String kind;
        private final int size;
        private final Map<Instant, List<String>> ids = new HashMap<>();

        private ByHour(String kind, int size) {
            this.kind = kind;
            this.size = size;
        }

        public void add(String id, Instant at) {
            Instant hour = hourOf(at);
            List<String> batch = ids.computeIfAbsent(hour, h -> new ArrayList<>());
            batch.add(id);
            if (batch.size() == size) {
                insert(kind, batch, hour);
                ids.remove(hour);
            }
        }

        public void flush() {
            ids.forEach((hour, batch) -> insert(kind, batch, hour));
            ids.clear();
        }
    }

    public static Instant hourOf(Instant at) {
        return ListingTime.periodOf(at, HOUR);
    }

    public static String stamp(Instant at) {
        return ListingTime.stamp(at);
    }
}
