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
import java.util.ArrayList;
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
    private final ConversationRecords records;

    ConversationErasure(MongoTemplate mongo, Leases leases, Clock clock, ConversationLookups lookups,
                        ConversationRecords records) {
        this.mongo = mongo;
        this.records = records;
        this.lists = new RetentionLists(mongo);
        this.lookups = lookups;
        this.leases = leases;
        this.clock = clock;
    }

    /** Asked by message: texts up to the message that asked, replies to the messages before it. */
    Map<String, Integer> upTo(ConversationKey key, long throughMessage) {
        ConversationRecords.Ranks ranks = records.ranks(key, 1, throughMessage);
        List<String> texts = ranks.messages().stream().filter(m -> !"GAP".equals(m.getString("status")))
                .map(m -> m.getString("_id")).toList();
        long inbound = texts.isEmpty() ? 0
                : mongo.updateMulti(byIds(texts), emptyInbound(), INBOUND).getModifiedCount();
        long before = throughMessage * MongoOutbox.SLOTS_PER_MESSAGE;
        List<Document> answered = ranks.messages().stream()
                .filter(m -> ((Number) m.get("sequence")).longValue() < throughMessage).toList();
        List<Document> replies = records.deliveries(key, answered).stream()
                .filter(entry -> entry.get("sequence") instanceof Number rank && rank.longValue() < before).toList();
        long outbound = emptyOutbox(key, replies, null);
        return Map.of(INBOUND_MESSAGE, (int) inbound, OUTBOUND_MESSAGE, (int) outbound);
    }

    /**
     * Everything of the conversation goes, its address included; with {@code idleBefore}, only if
     * its last turn is still older than that (checked under the lease). Its messages are found rank by
     * rank and its deliveries by the ids derived from them ({@link ConversationRecords}): never by a query
     * on the conversation, which the embedded store answers by walking the whole history.
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
            Document counter = records.counter(key);
            // Messages counted before the erasure began go, handled or not: a turn of one still running on a
            // worker that lost the conversation finds it erased and takes its effects back (TurnEffects); ranks,
            // not clocks, say which came before. Messages counted after stay, and are answered.
            long counted = ConversationRecords.counted(counter);
            ConversationRecords.Ranks ranks = records.ranks(key, 1, counted);
            List<String> gapIds = new ArrayList<>();
            List<Document> pending = new ArrayList<>();
            List<String> handled = new ArrayList<>();
            for (Document message : ranks.messages()) {
                switch (String.valueOf(message.getString("status"))) {
                    case "GAP" -> gapIds.add(message.getString("_id"));
                    case "PENDING" -> pending.add(message);
                    default -> handled.add(message.getString("_id"));
                }
            }
            long gaps = gapIds.isEmpty() ? 0 : mongo.remove(byIds(gapIds), INBOUND).getDeletedCount();
            // never to be processed, so never listed for the retention job as they are: listed here
            lists.list(Map.of(RetentionLists.INBOUND, pending.stream().map(m -> m.getString("_id")).toList()),
                    clock.instant());
            long inbound = 0;
            boolean allErased = true;
            for (Document message : pending) {
                Erased erased = erasePending(message, tombstone);
                switch (erased) {
                    case ERASED -> inbound++;
                    case HANDLED_MEANWHILE -> handled.add(message.getString("_id"));
                    case STILL_PENDING -> allErased = false;
                    case GONE -> { }
                }
            }
            if (!handled.isEmpty()) {
                inbound += mongo.updateMulti(byIds(handled),
                        emptyInbound().set("conversation", tombstone.value()).unset("address"), INBOUND).getModifiedCount();
            }
            if (counter != null && allErased && !anythingLeft(key, ranks.empty(), counted)
                    && settled(counter, gaps + inbound)) {
                // conditioned on the count read: a message counted meanwhile keeps the counter (an exact match
                // on the unique (_id, next) index, which the embedded store uses)
                mongo.remove(lookups.byId(key).addCriteria(Criteria.where("next").is(counter.get("next"))), SEQUENCES);
            }
            List<Document> answered = ranks.messages().stream().filter(m -> !"GAP".equals(m.getString("status"))).toList();
            long outbound = emptyOutbox(key, records.deliveries(key, answered), tombstone);
            records.forgetOrphans(key);
            mongo.remove(lookups.byId(key), QUEUES);
            mongo.remove(lookups.byId(key), STOPPED);
            Query conversation = lookups.byId(key);
            conversation.fields().include("listedIn");
            Document removed = mongo.findAndRemove(conversation, Document.class, CONVERSATIONS);
            long conversations = removed == null ? 0 : 1;
            if (removed != null && removed.getString("listedIn") != null) {
                // its listing for the retention job names it: it goes too (by the list's _id, which the document kept)
                mongo.updateFirst(Query.query(Criteria.where("_id").is(removed.getString("listedIn"))),
                        new Update().pull(RetentionLists.CONVERSATION, lookups.stored(key)), RetentionLists.CONVERSATION_LISTS);
            }
            if (allErased && !anythingLeft(key, ranks.empty(), counted)) {
                mongo.remove(lookups.byId(key), INBOUND_DUE); // nothing left to process: out of the live work
            }
            return Map.of(CONVERSATION, (int) conversations, INBOUND_MESSAGE, (int) inbound,
                    OUTBOUND_MESSAGE, (int) outbound);
        } finally {
            leases.release(lease, token);
            // the lease's name holds the address: it goes too, unless a worker took it meanwhile (which moves its
            // unique key: an exact match, where a condition on the owner would walk every lease)
            Document released = mongo.findById(lease, Document.class, LEASES);
            if (released != null && token.equals(released.getString("owner")) && released.getString("cas") != null) {
                mongo.remove(Query.query(Criteria.where("cas").is(released.getString("cas"))), LEASES);
            }
        }
    }

    private enum Erased { ERASED, HANDLED_MEANWHILE, STILL_PENDING, GONE }

    /**
     * A message not handled yet: erased, fenced by its {@code cas} (a worker that lost the conversation may still
     * move it on); read again if it moved, a few times.
     */
    private Erased erasePending(Document message, ConversationKey tombstone) {
        String id = message.getString("_id");
        Document current = message;
        for (int attempt = 0; attempt < 5 && current != null; attempt++) {
            if (!"PENDING".equals(current.getString("status"))) {
                return Erased.HANDLED_MEANWHILE;
            }
            Query fence = current.getString("cas") != null ? Query.query(Criteria.where("cas").is(current.getString("cas")))
                    : Query.query(Criteria.where("_id").is(id)); // a message older than the fence
            if (mongo.updateFirst(fence, emptyInbound().set("status", "ERASED").unset("cas")
                    .set("conversation", tombstone.value()).unset("address"), INBOUND).getModifiedCount() == 1) {
                return Erased.ERASED;
            }
            Query byId = Query.query(Criteria.where("_id").is(id));
            byId.fields().include("_id").include("status").include("cas");
            current = mongo.findOne(byId, Document.class, INBOUND);
        }
        return current == null ? Erased.GONE : Erased.STILL_PENDING;
    }

    /**
     * Whether a message of the conversation is still stored under its name: one counted after the erasure
     * began, or recorded late at a rank that was empty when the erasure looked. Rank by rank, as above.
     */
    private boolean anythingLeft(ConversationKey key, List<Long> emptyRanks, long counted) {
        for (long rank : emptyRanks) {
            if (records.atRank(key, rank) != null) {
                return true;
            }
        }
        long now = ConversationRecords.counted(records.counter(key));
        for (long rank = counted + 1; rank <= now; rank++) {
            if (records.atRank(key, rank) != null) {
                return true;
            }
        }
        return false;
    }

    private static Query byIds(java.util.Collection<String> ids) {
        return Query.query(Criteria.where("_id").in(ids));
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
    private long emptyOutbox(ConversationKey key, List<Document> entries, ConversationKey tombstone) {
        if (entries.isEmpty()) {
            return 0;
        }
        // a dead letter too: a retry from the console would send an empty message to an erased address
        List<String> cancelled = entries.stream().filter(e -> "PENDING".equals(e.getString("status"))
                || "DEAD".equals(e.getString("status"))).map(e -> e.getString("_id")).toList();
        // a turn's reply cancelled before its turn ended was not listed for the retention job with its message
        lists.list(Map.of(RetentionLists.OUTBOX, cancelled), clock.instant());
        for (String id : cancelled) {
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
        return mongo.updateMulti(byIds(entries.stream().map(e -> e.getString("_id")).toList()), empty, OUTBOX)
                .getModifiedCount();
    }

    private static Update emptyInbound() {
        return new Update().set("text", "").unset("choiceId").unset("sharedPhone").unset("sharedPhoneLookup")
                .set("erased", true);
    }
}
