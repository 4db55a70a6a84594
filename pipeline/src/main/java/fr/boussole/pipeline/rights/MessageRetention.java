package fr.boussole.pipeline.rights;

import fr.boussole.core.retention.OldMessages;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Finished records leave the store on the retention schedule: messages received and handled, and
 * deliveries finished (sent, given up, cancelled, dead), are deleted once older than their limit; no
 * one needs them after that (a turn's replays happen within minutes). What must outlive them is kept
 * apart and small: the key of each message received ({@code inbound_seen}), so that a provider
 * redelivering it even later finds a duplicate. The web chat's replies that no request came to take
 * (the request timed out and the page gave up) are emptied sooner.
 */
@Component
public class MessageRetention implements OldMessages {

    private static final List<String> HANDLED = List.of("PROCESSED", "PARKED", "ERASED", "GAP");
    private static final List<String> FINISHED = List.of("SENT", "FAILED", "DEAD", "CANCELLED");
    private static final int BATCH = 500;

    private final MongoTemplate mongo;

    MessageRetention(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Messages handled (processed, parked, or rank placeholders) and accepted before {@code cutoff}: deleted. */
    @Override
    public int pruneInbound(Instant cutoff) {
        Query old = Query.query(Criteria.where("status").in(HANDLED).and("acceptedAt").lt(Date.from(cutoff)));
        old.fields().include("_id").include("status");
        int pruned = 0;
        List<Document> batch;
        do {
            batch = mongo.find(Query.of(old).limit(BATCH), Document.class, ConversationLookups.INBOUND);
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
