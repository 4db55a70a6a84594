package fr.boussole.pipeline.rights;

import fr.boussole.core.ids.Ids;
import fr.boussole.core.retention.OldMessages;
import fr.boussole.pipeline.writes.OneOffSteps;
import fr.boussole.pipeline.writes.RetentionLists;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finished records leave the store on the retention schedule: messages received and handled, and
 * deliveries finished (sent, given up, cancelled, dead), are deleted once older than their limit; no
 * one needs them after that (a turn's replays happen within minutes). What must outlive them is kept
 * apart and small: the key of each message received ({@code inbound_seen}), so that a provider
 * redelivering it even later finds a duplicate, until the keys too are past their time. The web chat's
 * replies that no request came to take (the request timed out and the page gave up) are emptied sooner.
 * <p>
 * Nothing here queries the records by status or date: the embedded store answers such a query by walking
 * the whole collection while holding it (37 s at 100,000 messages, the pipeline down to 2 msg/s meanwhile).
 * Messages and deliveries are listed by the hour they are handled in ({@link RetentionLists},
 * {@code retention_lists}); a run reads the lists of the hours past the limit, then each listed record by
 * {@code _id}: deleted if finished and past its time, listed again under its own hour if not yet past it,
 * under the run's hour if still unfinished. Records stored before the lists existed are listed once, by one
 * walk over each collection (marked done in {@code pipeline_migrations}). The keys are found the same way:
 * each pruning batch lists its keys in {@code inbound_seen_batches} under an {@code _id} that starts with the
 * time of the pruning, so the keys past their time are found in that small collection (a document per 500
 * keys), then deleted by {@code _id}.
 */
@Component
public class MessageRetention implements OldMessages {

    private static final Logger log = LoggerFactory.getLogger(MessageRetention.class);
    private static final Set<String> HANDLED = Set.of("PROCESSED", "PARKED", "ERASED", "GAP");
    private static final Set<String> FINISHED = Set.of("SENT", "FAILED", "DEAD", "CANCELLED");
    private static final int BATCH = 500;
    /** Lists of the keys kept, one per pruning batch, under {@code stamp(cutoff) + "#" + random}. */
    static final String SEEN_BATCHES = "inbound_seen_batches";
    /** The markers of this class's one-off steps ({@link OneOffSteps}). */
    private static final String KEYS_LISTED = "inbound-seen-batches";
    private static final String INBOUND_LISTED = "retention-lists-inbound";
    private static final String OUTBOX_LISTED = "retention-lists-outbox";
    /** What a channel keeps of a delivery sent in several parts (its parts' provider ids), by the delivery's id. */
    static final String SENT_PARTS = "channel_sent_parts";

    private final MongoTemplate mongo;
    private final RetentionLists lists;
    private final OneOffSteps steps;
    private final Clock clock;

    MessageRetention(MongoTemplate mongo) {
        this(mongo, Clock.systemUTC());
    }

    @Autowired
    MessageRetention(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.lists = new RetentionLists(mongo);
        this.steps = new OneOffSteps(mongo);
        this.clock = clock;
    }

    /** What a listed record turned out to be, read by {@code _id}. */
    private sealed interface Found {
        /** Deleted now (or gone already: counted 0). */
        record Deleted(int count) implements Found {}
        /** To be looked at again from this time on. */
        record Later(Instant at) implements Found {}
    }

    /** Messages handled (processed, parked, or rank placeholders) and accepted before {@code cutoff}: deleted. */
    @Override
    public int pruneInbound(Instant cutoff) {
        listKeysKeptBeforeTheLists();
        listOnce(ConversationLookups.INBOUND, "acceptedAt", RetentionLists.INBOUND, INBOUND_LISTED);
        return prune(RetentionLists.INBOUND, cutoff, (ids, found) -> {
            List<Document> messages = new ArrayList<>();
            for (String id : ids) {
                Query byId = Query.query(Criteria.where("_id").is(id));
                byId.fields().include("_id").include("status").include("acceptedAt").include("conversation")
                        .include("replies");
                Document message = mongo.findOne(byId, Document.class, ConversationLookups.INBOUND);
                messages.add(message == null ? new Document("_id", id) : message);
            }
            // their replies still stored listed under their conversation first: the erasure finds a conversation's
            // replies through its messages, and one that outlives its message through this list
            List<Document> due = messages.stream().filter(m -> due(m, "acceptedAt", HANDLED, cutoff)).toList();
            listOrphans(due);
            // the keys of the messages to delete listed first: a crash in between leaves a listed key that was
            // never kept, never a key kept for ever
            List<String> deleting = due.stream().filter(m -> !"GAP".equals(m.getString("status")))
                    .map(m -> m.getString("_id")).toList();
            if (!deleting.isEmpty()) {
                listKeys(deleting, cutoff);
            }
            for (Document message : messages) {
                found.accept(message, inboundFound(message, cutoff));
            }
        });
    }

    private Found inboundFound(Document message, Instant cutoff) {
        String id = message.getString("_id");
        if (message.get("status") == null) {
            return new Found.Deleted(0);
        }
        if (!due(message, "acceptedAt", HANDLED, cutoff)) {
            return later(message, "acceptedAt", HANDLED);
        }
        if (!"GAP".equals(message.getString("status"))) {
            // the key first: a crash in between leaves a message both kept and seen, never neither
            mongo.upsert(Query.query(Criteria.where("_id").is(id)), new Update().setOnInsert("at", Date.from(cutoff)),
                    ConversationLookups.SEEN);
        }
        return new Found.Deleted((int) mongo.remove(Query.query(Criteria.where("_id").is(id)), ConversationLookups.INBOUND)
                .getDeletedCount());
    }

    /**
     * The replies still stored of messages about to be deleted, listed under their conversation
     * ({@link ConversationRecords#ORPHANS}): one query on {@code _id} for the whole batch. A processed message names
     * its replies; for one that was not (parked mid-turn), every id its turn may have given is looked for.
     */
    private void listOrphans(List<Document> deleting) {
        Map<String, String> conversationOf = new HashMap<>();
        for (Document message : deleting) {
            String status = message.getString("status");
            String conversation = message.getString("conversation");
            if (conversation == null || "GAP".equals(status) || "ERASED".equals(status)) {
                continue; // no reply, or replies the erasure already took
            }
            List<String> candidates = ConversationRecords.replyCandidates(message);
            candidates.forEach(id -> conversationOf.put(id, conversation));
        }
        Map<String, List<String>> byConversation = new HashMap<>();
        for (String id : ConversationRecords.existing(mongo, conversationOf.keySet())) {
            byConversation.computeIfAbsent(conversationOf.get(id), c -> new ArrayList<>()).add(id);
        }
        byConversation.forEach((conversation, ids) -> ConversationRecords.listOrphans(mongo, conversation, ids));
    }

    /**
     * Once: the deliveries of a conversation whose message was deleted before {@link ConversationRecords#ORPHANS}
     * existed are listed there, by one walk over the outbox (ids, conversations and messages only) and a look up
     * of their messages by {@code _id}, 500 at a time. Until the marker is written, an erasure finds a
     * conversation's deliveries by the walk this replaces.
     */
    private void listOrphansOnce() {
        if (steps.done(ConversationRecords.ORPHANS_LISTED)) {
            return;
        }
        long started = System.nanoTime();
        Query all = new Query();
        all.fields().include("_id").include("conversation").include("inboundId");
        List<Document> batch = new ArrayList<>();
        int[] listed = {0};
        try (var entries = mongo.stream(all, Document.class, ConversationLookups.OUTBOX)) {
            for (Document entry : (Iterable<Document>) entries::iterator) {
                if (entry.getString("conversation") == null) {
                    continue; // an alert to a professional: no conversation's
                }
                batch.add(entry);
                if (batch.size() == BATCH) {
                    listed[0] += listOrphaned(batch);
                    batch = new ArrayList<>();
                }
            }
        }
        listed[0] += listOrphaned(batch);
        steps.markDone(ConversationRecords.ORPHANS_LISTED, clock.instant(), listed[0]);
        log.info("Erasure: {} delivery(ies) whose message was deleted before they were listed by conversation, listed"
                + " once, in {} ms", listed[0], (System.nanoTime() - started) / 1_000_000);
    }

    /** Lists those of the entries whose message is gone; returns how many. */
    private int listOrphaned(List<Document> entries) {
        if (entries.isEmpty()) {
            return 0;
        }
        Query messages = Query.query(Criteria.where("_id").in(entries.stream().map(e -> e.getString("inboundId"))
                .filter(java.util.Objects::nonNull).toList()));
        messages.fields().include("_id");
        Set<String> present = new java.util.HashSet<>();
        mongo.find(messages, Document.class, ConversationLookups.INBOUND).forEach(m -> present.add(m.getString("_id")));
        Map<String, List<String>> byConversation = new HashMap<>();
        for (Document entry : entries) {
            if (entry.getString("inboundId") == null || !present.contains(entry.getString("inboundId"))) {
                byConversation.computeIfAbsent(entry.getString("conversation"), c -> new ArrayList<>()).add(entry.getString("_id"));
            }
        }
        byConversation.forEach((conversation, ids) -> ConversationRecords.listOrphans(mongo, conversation, ids));
        return byConversation.values().stream().mapToInt(List::size).sum();
    }

    /** Finished and dated before the cutoff. */
    private static boolean due(Document record, String dateField, Set<String> finished, Instant cutoff) {
        return record.getString("status") != null && finished.contains(record.getString("status"))
                && record.getDate(dateField) != null
                && record.getDate(dateField).toInstant().isBefore(cutoff);
    }

    /** Not due: finished, it is looked at again in its own hour; unfinished, a limit later than now. */
    private Found later(Document record, String dateField, Set<String> finished) {
        if (record.getString("status") != null && finished.contains(record.getString("status"))
                && record.getDate(dateField) != null) {
            return new Found.Later(record.getDate(dateField).toInstant());
        }
        return new Found.Later(clock.instant());
    }

    /** Handles the records of one list: each found record is reported with what became of it. */
    private interface ListHandler {
        void handle(List<String> ids, java.util.function.BiConsumer<Document, Found> found);
    }

    /**
     * Reads the lists of {@code kind} for the hours before {@code cutoff} (a range on {@code _id} over the
     * small {@code retention_lists}), has each listed record looked at by {@code _id}, lists again those not due
     * yet, then takes the kind out of the list (the list goes when no kind is left in it).
     */
    private int prune(String kind, Instant cutoff, ListHandler handler) {
        Query due = Query.query(Criteria.where("_id").lt(RetentionLists.stamp(cutoff)).and(kind).exists(true));
        due.fields().include("_id"); // the lists one at a time, not all their ids at once (a first run lists the whole store)
        int pruned = 0;
        for (Document dueList : mongo.find(due, Document.class, RetentionLists.COLLECTION)) {
            Document list = mongo.findById(dueList.get("_id"), Document.class, RetentionLists.COLLECTION);
            if (list == null) {
                continue;
            }
            Map<Instant, List<String>> again = new TreeMap<>();
            int[] deleted = {0};
            handler.handle(list.getList(kind, String.class, List.of()), (record, found) -> {
                switch (found) {
                    case Found.Deleted d -> deleted[0] += d.count();
                    case Found.Later l -> again.computeIfAbsent(RetentionLists.hourOf(l.at()), h -> new ArrayList<>())
                            .add(record.getString("_id"));
                }
            });
            // listed again before this list loses them: a crash in between lists a record twice, never nowhere
            again.forEach((hour, ids) -> lists.insert(kind, ids, hour));
            pruned += deleted[0];
            Document left = mongo.findAndModify(Query.query(Criteria.where("_id").is(list.get("_id"))),
                    new Update().unset(kind), FindAndModifyOptions.options().returnNew(true), Document.class,
                    RetentionLists.COLLECTION);
            if (left != null && RetentionLists.empty(left)) {
                mongo.remove(Query.query(Criteria.where("_id").is(list.get("_id"))), RetentionLists.COLLECTION);
            }
        }
        return pruned;
    }

    /**
     * Once per collection: the records stored before the lists existed are listed, by the hour of their
     * date, in one walk over the collection (the projection keeps it to ids and dates). Run twice (a crash
     * before the marker), a record is listed twice: the second look finds it gone.
     */
    private void listOnce(String collection, String dateField, String kind, String marker) {
        if (steps.done(marker)) {
            return;
        }
        long started = System.nanoTime();
        Query all = new Query();
        all.fields().include("_id").include(dateField);
        RetentionLists.ByHour byHour = lists.byHour(kind, BATCH);
        int listed = 0;
        try (var records = mongo.stream(all, Document.class, collection)) {
            for (Document record : (Iterable<Document>) records::iterator) {
                Instant at = record.getDate(dateField) == null ? clock.instant() : record.getDate(dateField).toInstant();
                byHour.add(record.getString("_id"), at);
                listed++;
            }
        }
        byHour.flush();
        steps.markDone(marker, clock.instant(), listed);
        log.info("Retention: {} record(s) of {} stored before the retention lists listed once, in {} ms", listed,
                collection, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * The keys of messages deleted by a pruning whose cutoff was before {@code cutoff}: deleted, so that a key
     * is kept at least as long after its message was received (dated by the pruning of its message: later when that pruning came late).
     */
    @Override
    public int forgetInboundKeys(Instant cutoff) {
        listKeysKeptBeforeTheLists();
        Query past = Query.query(Criteria.where("_id").lt(stamp(cutoff))).with(Sort.by("_id")).limit(BATCH);
        int forgotten = 0;
        List<Document> lists;
        do {
            lists = mongo.find(past, Document.class, SEEN_BATCHES);
            for (Document list : lists) {
                List<String> keys = list.getList("keys", String.class);
                forgotten += (int) mongo.remove(Query.query(Criteria.where("_id").in(keys)), ConversationLookups.SEEN)
                        .getDeletedCount();
                mongo.remove(Query.query(Criteria.where("_id").is(list.get("_id"))), SEEN_BATCHES);
            }
        } while (lists.size() == BATCH);
        return forgotten;
    }

    private void listKeys(List<String> keys, Instant cutoff) {
        mongo.insert(new Document("_id", stamp(cutoff) + "#" + Ids.random("sb")).append("at", Date.from(cutoff))
                .append("keys", keys), SEEN_BATCHES);
    }

    /**
     * Once: the keys kept before they were listed (each under the cutoff of its pruning, {@code at}) get their
     * lists, one walk over {@code inbound_seen}. Run twice (a crash before the marker), a key is listed twice,
     * and goes with the first of its lists to come due, which is not before its own time.
     */
    private void listKeysKeptBeforeTheLists() {
        if (steps.done(KEYS_LISTED)) {
            return;
        }
        Query all = new Query();
        all.fields().include("_id").include("at");
        List<String> keys = new ArrayList<>();
        Instant latest = Instant.EPOCH;
        try (var seen = mongo.stream(all, Document.class, ConversationLookups.SEEN)) {
            for (Document key : (Iterable<Document>) seen::iterator) {
                keys.add(key.getString("_id"));
                if (key.get("at") instanceof Date at && at.toInstant().isAfter(latest)) {
                    latest = at.toInstant();
                }
                if (keys.size() == BATCH) {
                    listKeys(keys, latest);
                    keys = new ArrayList<>();
                    latest = Instant.EPOCH;
                }
            }
        }
        if (!keys.isEmpty()) {
            listKeys(keys, latest);
        }
        steps.markDone(KEYS_LISTED, clock.instant(), null);
    }

    /** A fixed-width text that sorts as the instant does (13 digits of milliseconds: until the year 2286). */
    static String stamp(Instant at) {
        return RetentionLists.stamp(at);
    }

    /** Deliveries finished and created before {@code cutoff}: deleted, with what lists them. */
    @Override
    public int pruneOutbox(Instant cutoff) {
        if (!steps.done(OUTBOX_LISTED)) {
            // once, with the walk: the provider ids the walk this replaces kept after their entries, and the sent
            // parts of deliveries deleted before the parts went with them (one document per delivery sent in parts)
            mongo.remove(Query.query(Criteria.where("at").lt(Date.from(cutoff))), ConversationLookups.PROVIDER_IDS);
            Query parts = new Query();
            parts.fields().include("_id");
            for (Document part : mongo.find(parts, Document.class, SENT_PARTS)) {
                if (mongo.findById(part.get("_id"), Document.class, ConversationLookups.OUTBOX) == null) {
                    mongo.remove(Query.query(Criteria.where("_id").is(part.get("_id"))), SENT_PARTS);
                }
            }
        }
        listOrphansOnce();
        listOnce(ConversationLookups.OUTBOX, "createdAt", RetentionLists.OUTBOX, OUTBOX_LISTED);
        return prune(RetentionLists.OUTBOX, cutoff, (ids, found) -> {
            for (String id : ids) {
                Query byId = Query.query(Criteria.where("_id").is(id));
                byId.fields().include("_id").include("status").include("createdAt").include("providerId");
                Document entry = mongo.findOne(byId, Document.class, ConversationLookups.OUTBOX);
                if (entry == null) {
                    found.accept(new Document("_id", id), new Found.Deleted(0));
                } else if (!due(entry, "createdAt", FINISHED, cutoff)) {
                    found.accept(entry, later(entry, "createdAt", FINISHED));
                } else {
                    found.accept(entry, new Found.Deleted(deleteEntry(entry)));
                }
            }
        });
    }

    /** An entry and what keeps its traces: its dead letter, due listing, provider id, sent parts. */
    private int deleteEntry(Document entry) {
        String id = entry.getString("_id");
        mongo.remove(Query.query(Criteria.where("_id").is(id)), ConversationLookups.OUTBOX_DEAD);
        mongo.remove(Query.query(Criteria.where("_id").is(id)), ConversationLookups.OUTBOX_DUE);
        if (entry.getString("providerId") != null) {
            mongo.remove(Query.query(Criteria.where("_id").is(entry.getString("providerId"))), ConversationLookups.PROVIDER_IDS);
        }
        mongo.remove(Query.query(Criteria.where("_id").is(id)), SENT_PARTS);
        return (int) mongo.remove(Query.query(Criteria.where("_id").is(id)), ConversationLookups.OUTBOX).getDeletedCount();
    }

    /**
     * Web chat replies no request took (the page timed out, was closed, or gave up) and created before
     * {@code cutoff}: cancelled and emptied. What the bot wrote first (marked {@code waitsForPage})
     * waits for the page to come back, and goes with the conversation when it is erased. Taken, they are sent
     * and go with the other deliveries. Found through the web chat conversations' queues ({@code outbox_queues}:
     * unfinished entries only, the live work), then by {@code _id}; never by a query on the deliveries.
     */
    @Override
    public int emptyUntakenWebReplies(Instant cutoff) {
        Update empty = new Update().set("status", "CANCELLED")
                .set("payload", new Document("kind", "chat").append("text", "").append("erased", true))
                .set("recipient", "erased").unset("recipientLookup");
        int emptied = 0;
        for (Document queue : mongo.findAll(Document.class, ConversationLookups.QUEUES)) {
            if (!String.valueOf(queue.get("_id")).startsWith("web:")) {
                continue;
            }
            for (Document queued : queue.getList("entries", Document.class, List.of())) {
                String id = queued.getString("id");
                Query byId = Query.query(Criteria.where("_id").is(id));
                byId.fields().include("channel").include("status").include("waitsForPage").include("createdAt");
                Document entry = mongo.findOne(byId, Document.class, ConversationLookups.OUTBOX);
                if (entry != null && "web".equals(entry.getString("channel")) && "PENDING".equals(entry.getString("status"))
                        && !Boolean.TRUE.equals(entry.get("waitsForPage")) && entry.getDate("createdAt") != null
                        && entry.getDate("createdAt").toInstant().isBefore(cutoff)) {
                    emptied += (int) mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), empty,
                            ConversationLookups.OUTBOX).getModifiedCount();
                }
            }
        }
        return emptied;
    }
}
