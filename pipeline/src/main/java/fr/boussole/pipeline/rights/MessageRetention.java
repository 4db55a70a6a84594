package fr.boussole.pipeline.rights;

import fr.boussole.core.ids.Ids;
import fr.boussole.core.retention.OldMessages;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Finished records leave the store on the retention schedule: messages received and handled, and
 * deliveries finished (sent, given up, cancelled, dead), are deleted once older than their limit; no
 * one needs them after that (a turn's replays happen within minutes). What must outlive them is kept
 * apart and small: the key of each message received ({@code inbound_seen}), so that a provider
 * redelivering it even later finds a duplicate, until the keys too are past their time. The web chat's
 * replies that no request came to take (the request timed out and the page gave up) are emptied sooner.
 * <p>
 * The keys are found by {@code _id} only (the embedded store answers a query on any other field, or on a
 * range, by walking the whole collection): each pruning batch first lists its keys in
 * {@code inbound_seen_batches} under an {@code _id} that starts with the time of the pruning, so the keys past
 * their time are found in that small collection (a document per 500 keys), then deleted by {@code _id}.
 */
@Component
public class MessageRetention implements OldMessages {

    private static final List<String> HANDLED = List.of("PROCESSED", "PARKED", "ERASED", "GAP");
    private static final List<String> FINISHED = List.of("SENT", "FAILED", "DEAD", "CANCELLED");
    private static final int BATCH = 500;
    /** Lists of the keys kept, one per pruning batch, under {@code stamp(cutoff) + "#" + random}. */
    static final String SEEN_BATCHES = "inbound_seen_batches";
    /** The pipeline's one-time migrations' markers (as {@code LiveWorkMigration}'s). */
    private static final String MIGRATIONS = "pipeline_migrations";
    private static final String KEYS_LISTED = "inbound-seen-batches";

    private final MongoTemplate mongo;

    MessageRetention(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Messages handled (processed, parked, or rank placeholders) and accepted before {@code cutoff}: deleted. */
    @Override
    public int pruneInbound(Instant cutoff) {
        Query old = Query.query(Criteria.where("status").in(HANDLED).and("acceptedAt").lt(Date.from(cutoff)));
        old.fields().include("_id").include("status");
        listKeysKeptBeforeTheLists();
        int pruned = 0;
        List<Document> batch;
        do {
            batch = mongo.find(Query.of(old).limit(BATCH), Document.class, ConversationLookups.INBOUND);
            // the list first: a crash in between leaves a listed key that was never kept, never a key kept for ever
            List<String> keys = batch.stream().filter(message -> !"GAP".equals(message.getString("status")))
                    .map(message -> message.getString("_id")).toList();
            if (!keys.isEmpty()) {
                listKeys(keys, cutoff);
            }
            for (Document message : batch) {
                String id = message.getString("_id");
                if (!"GAP".equals(message.getString("status"))) {
                    // the key first: a crash in between leaves a message both kept and seen, never neither
                    mongo.upsert(Query.query(Criteria.where("_id").is(id)), new Update().setOnInsert("at", Date.from(cutoff)),
                            ConversationLookups.SEEN);
                }
                pruned += (int) mongo.remove(Query.query(Criteria.where("_id").is(id)), ConversationLookups.INBOUND).getDeletedCount();
            }
        } while (batch.size() == BATCH);
        return pruned;
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
        if (mongo.findById(KEYS_LISTED, Document.class, MIGRATIONS) != null) {
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
        mongo.insert(new Document("_id", KEYS_LISTED).append("at", new Date()), MIGRATIONS);
    }

    /** A fixed-width text that sorts as the instant does (13 digits of milliseconds: until the year 2286). */
    static String stamp(Instant at) {
        return String.format("%013d", at.toEpochMilli());
    }

    /** Deliveries finished and created before {@code cutoff}: deleted, with what lists them. */
    @Override
    public int pruneOutbox(Instant cutoff) {
        Query old = Query.query(Criteria.where("status").in(FINISHED).and("createdAt").lt(Date.from(cutoff)));
        old.fields().include("_id").include("conversation");
        int pruned = 0;
        List<Document> batch;
        do {
            batch = mongo.find(Query.of(old).limit(BATCH), Document.class, ConversationLookups.OUTBOX);
            for (Document entry : batch) {
                String id = entry.getString("_id");
                mongo.remove(Query.query(Criteria.where("_id").is(id)), ConversationLookups.OUTBOX_DEAD);
                mongo.remove(Query.query(Criteria.where("_id").is(id)), ConversationLookups.OUTBOX_DUE);
                pruned += (int) mongo.remove(Query.query(Criteria.where("_id").is(id)), ConversationLookups.OUTBOX).getDeletedCount();
            }
        } while (batch.size() == BATCH);
        mongo.remove(Query.query(Criteria.where("at").lt(Date.from(cutoff))), ConversationLookups.PROVIDER_IDS);
        return pruned;
    }

    /**
     * Web chat replies no request took (the page timed out, was closed, or gave up) and created before
     * {@code cutoff}: cancelled and emptied. What the bot wrote first (marked {@code waitsForPage})
     * waits for the page to come back, and goes with the conversation when it is erased. Taken, they are sent and go with the other deliveries.
     */
    @Override
    public int emptyUntakenWebReplies(Instant cutoff) {
        // what the bot wrote first (news, a person's words) waits for the page: the conversation's erasure takes it
        Query untaken = Query.query(Criteria.where("channel").is("web").and("status").is("PENDING")
                .and("waitsForPage").ne(true).and("createdAt").lt(Date.from(cutoff)));
        return (int) mongo.updateMulti(untaken, new Update().set("status", "CANCELLED")
                .set("payload", new Document("kind", "chat").append("text", "").append("erased", true))
                .set("recipient", "erased").unset("recipientLookup"), ConversationLookups.OUTBOX).getModifiedCount();
    }
}
