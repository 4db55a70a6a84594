package fr.boussole.pipeline.rights;

import fr.boussole.pipeline.conversation.Leases;
import fr.boussole.pipeline.outbox.MongoOutbox;
import fr.boussole.pipeline.writes.RetentionLists;
import fr.boussole.core.ids.Ids;
import fr.boussole.core.message.ConversationKey;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static fr.boussole.pipeline.rights.ConversationData.CONVERSATION;
import static fr.boussole.pipeline.rights.ConversationData.INBOUND_MESSAGE;
import static fr.boussole.pipeline.rights.ConversationData.OUTBOUND_MESSAGE;
import static fr.boussole.pipeline.rights.ConversationLookups.CONVERSATIONS;
import static fr.boussole.pipeline.rights.ConversationLookups.INBOUND;
import static fr.boussole.pipeline.rights.ConversationLookups.INBOUND_DUE;
import static fr.boussole.pipeline.rights.ConversationLookups.OUTBOX_DEAD;
import static fr.boussole.pipeline.rights.ConversationLookups.OUTBOX_DUE;
import static fr.boussole.pipeline.rights.ConversationLookups.LEASES;
import static fr.boussole.pipeline.rights.ConversationLookups.OUTBOX;
import static fr.boussole.pipeline.rights.ConversationLookups.QUEUES;
import static fr.boussole.pipeline.rights.ConversationLookups.SEQUENCES;
import static fr.boussole.pipeline.rights.ConversationLookups.STOPPED;

/**
 * Erases one conversation, in one of two ways. Up to a message (asked by the young person from
 * inside it): texts up to that message emptied, replies sent before it cancelled or emptied, the
 * conversation goes on. Entirely (asked by the animateur, or past retention): texts emptied (those of
 * messages not yet handled too, which will never be), pending replies cancelled, the conversation's
 * documents deleted, and its address replaced, in what must stay (de-duplication keys, ranks,
 * delivery statuses), by a tombstone ({@code sms:erased-…}) that leads back to nobody; under the
 * conversation's lease, so that no turn starts meanwhile. A message counted after the erasure began
 * is kept and answered: the young person wrote after it.
 */
@Component
class ConversationErasure {

    /** As the inbox: a conversation whose counter moved less than this ago may have a message being recorded. */
    private static final Duration QUIET = Duration.ofSeconds(30);
    private static final Duration LEASE = Duration.ofMinutes(1);
    private static final int LEASE_TRIES = 100;

    private final MongoTemplate mongo;
    private final Leases leases;
    private final Clock clock;
    private final ConversationLookups lookups;
    private final RetentionLists lists;

    ConversationErasure(MongoTemplate mongo, Leases leases, Clock clock, ConversationLookups lookups) {
        this.mongo = mongo;
        this.lists = new RetentionLists(mongo);
        this.lookups = lookups;
        this.leases = leases;
        this.clock = clock;
    }

    /** Asked by message: texts up to the message that asked, replies to the messages before it. */
    Map<String, Integer> upTo(ConversationKey key, long throughMessage) {
        long inbound = mongo.updateMulti(lookups.inboundOf(key).addCriteria(Criteria.where("sequence").lte(throughMessage)
                .and("status").ne("GAP")), emptyInbound(), INBOUND).getModifiedCount();
        long before = throughMessage * MongoOutbox.SLOTS_PER_MESSAGE;
        long outbound = emptyOutbox(key, lookups.outboxOf(key).addCriteria(Criteria.where("sequence").lt(before)), null);
        return Map.of(INBOUND_MESSAGE, (int) inbound, OUTBOUND_MESSAGE, (int) outbound);
    }

    /**
     * Everything of the conversation goes, its address included; with {@code idleBefore}, only if
     * its last turn is still older than that (checked under the lease).
     */
    Map<String, Integer> entirely(ConversationKey key, Instant idleBefore) {
        String lease = lookups.leaseOf(key);
        String token = Ids.random("erasure");
        acquire(lease, token);
        try {
            if (idleBefore != null && !idle(key, idleBefore)) {
                return Map.of();
            }
            ConversationKey tombstone = new ConversationKey(key.channel(), "erased-" + Ids.random("x"));
            Document counter = mongo.findOne(lookups.byId(key), Document.class, SEQUENCES);
            long gaps = mongo.remove(lookups.inboundOf(key).addCriteria(Criteria.where("status").is("GAP")), INBOUND)
                    .getDeletedCount();
            // Messages counted before the erasure began go, handled or not: a turn of one still running on a
            // worker that lost the conversation finds it erased and takes its effects back (TurnEffects); ranks,
            // not clocks, say which came before. Messages counted after stay, and are answered.
            long counted = counter == null || counter.get("next") == null ? 0 : ((Number) counter.get("next")).longValue();
            long inbound = mongo.updateMulti(lookups.inboundOf(key).addCriteria(Criteria.where("status").ne("PENDING")),
                    emptyInbound().set("conversation", tombstone.value()).unset("address"), INBOUND).getModifiedCount();
            // never to be processed, so never listed for the retention job as they are: listed here
            lists.list(Map.of(RetentionLists.INBOUND, pendingUpTo(key, counter, counted)), clock.instant());
            inbound += mongo.updateMulti(lookups.inboundOf(key).addCriteria(Criteria.where("status").is("PENDING")
                            .and("sequence").lte(counted)),
                    emptyInbound().set("status", "ERASED").unset("cas").set("conversation", tombstone.value()).unset("address"),
                    INBOUND).getModifiedCount();
            if (counter != null && !mongo.exists(lookups.inboundOf(key), INBOUND) && settled(counter, gaps + inbound)) {
                // conditioned on the count read: a message counted meanwhile keeps the counter
                mongo.remove(lookups.byId(key).addCriteria(Criteria.where("next").is(counter.get("next"))), SEQUENCES);
            }
            long outbound = emptyOutbox(key, lookups.outboxOf(key), tombstone);
            mongo.remove(lookups.byId(key), QUEUES);
            mongo.remove(lookups.byId(key), STOPPED);
            long conversations = mongo.remove(lookups.byId(key), CONVERSATIONS).getDeletedCount();
            if (!mongo.exists(lookups.inboundOf(key), INBOUND)) {
                mongo.remove(lookups.byId(key), INBOUND_DUE); // nothing left to process: out of the live work
            }
            return Map.of(CONVERSATION, (int) conversations, INBOUND_MESSAGE, (int) inbound,
                    OUTBOUND_MESSAGE, (int) outbound);
        } finally {
            leases.release(lease, token);
            // the lease's name holds the address: it goes too, unless a worker took it meanwhile
            mongo.remove(Query.query(Criteria.where("_id").is(lease).and("owner").is(token)), LEASES);
        }
    }

    /**
     * The messages still pending among the ranks counted: found rank by rank through the unique (conversation,
     * rank) index from the conversation's "done" mark (every rank before it is handled), not by a query that
     * the embedded store answers with a walk.
     */
    private List<String> pendingUpTo(ConversationKey key, Document counter, long counted) {
        long done = counter == null || counter.get("done") == null ? 0 : ((Number) counter.get("done")).longValue();
        List<String> pending = new java.util.ArrayList<>();
        for (long rank = done + 1; rank <= counted; rank++) {
            Query atRank = Query.query(Criteria.where("conversation").is(lookups.stored(key)).and("sequence").is(rank));
            atRank.fields().include("_id").include("status");
            Document message = mongo.findOne(atRank, Document.class, INBOUND);
            if (message != null && "PENDING".equals(message.getString("status"))) {
                pending.add(message.getString("_id"));
            }
        }
        return pending;
    }

    private boolean idle(ConversationKey key, Instant before) {
        Query query = lookups.byId(key);
        query.fields().include("updatedAt");
        Document doc = mongo.findOne(query, Document.class, CONVERSATIONS);
        return doc != null && doc.getDate("updatedAt") != null && doc.getDate("updatedAt").toInstant().isBefore(before);
    }

    /**
     * Whether no message is being recorded in the conversation: every rank counted is accounted for,
     * or (a rank lost by a crash) nothing was counted for a while, as the inbox itself judges.
     */
    private boolean settled(Document counter, long accounted) {
        long counted = ((Number) counter.get("next")).longValue();
        return accounted >= counted || counter.getDate("at") == null
                || counter.getDate("at").toInstant().plus(QUIET).isBefore(clock.instant());
    }

    private void acquire(String lease, String token) {
        for (int attempt = 0; attempt < LEASE_TRIES; attempt++) {
            if (leases.tryAcquire(lease, token, clock.instant(), LEASE)) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new ConversationBusyException();
    }

    /** Pending entries are cancelled and taken out of their queue; every entry loses its text and recipient. */
    private long emptyOutbox(ConversationKey key, Query entries, ConversationKey tombstone) {
        // a dead letter too: a retry from the console would send an empty message to an erased address
        Query pending = Query.of(entries).addCriteria(Criteria.where("status").in("PENDING", "DEAD"));
        pending.fields().include("_id");
        List<Document> cancelled = mongo.find(pending, Document.class, OUTBOX);
        // a turn's reply cancelled before its turn ended was not listed for the retention job with its message
        lists.list(Map.of(RetentionLists.OUTBOX, cancelled.stream().map(entry -> entry.getString("_id")).toList()),
                clock.instant());
        for (Document entry : cancelled) {
            String id = entry.getString("_id");
            // by _id alone: the status was read just above, and cancelling twice is harmless. The claim key
            // moves to one no claim holds: a sender still at work on it records nothing, and the web chat,
            // which marks its replies sent by their unclaimed key, cannot mark it sent
            mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                    new Update().set("status", "CANCELLED").set("cas", id + "#cancelled"), OUTBOX);
            mongo.updateFirst(lookups.byId(key), new Update().pull("entries", new Document("id", id)), QUEUES);
            mongo.remove(Query.query(Criteria.where("_id").is(id)), OUTBOX_DUE);
            mongo.remove(Query.query(Criteria.where("_id").is(id)), OUTBOX_DEAD);
        }
        Update empty = new Update().set("payload", new Document("kind", "chat").append("text", "").append("erased", true))
                .set("recipient", "erased").unset("recipientLookup");
        if (tombstone != null) {
            empty.set("conversation", tombstone.value());
        }
        return mongo.updateMulti(entries, empty, OUTBOX).getModifiedCount();
    }

    private static Update emptyInbound() {
        return new Update().set("text", "").unset("choiceId").unset("sharedPhone").unset("sharedPhoneLookup")
                .set("erased", true);
    }
}
