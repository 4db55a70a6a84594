package fr.boussole.app.rights;

import fr.boussole.app.conversation.Leases;
import fr.boussole.app.outbox.MongoOutbox;
import fr.boussole.core.ids.Ids;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.rights.DataSubject;
import fr.boussole.core.rights.Footprint;
import fr.boussole.core.rights.HeldRecord;
import fr.boussole.core.rights.PersonalDataHolder;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Conversations, the messages received in them and the messages sent in them, as personal data.
 * <p>
 * Asked by message from a conversation ({@link DataSubject.Writer}), erasure empties the texts up to
 * that message and cancels or empties the replies sent before it; the conversation goes on (the
 * engine has emptied its state itself), so its address stays. Asked by the animateur, or by the
 * retention schedule, the conversations go entirely: texts emptied, pending replies cancelled, and
 * the address itself replaced, in what must stay (de-duplication keys, ranks, delivery statuses), by
 * a tombstone ({@code sms:erased-…}) that leads back to nobody. Done under the conversation's lease,
 * so that no turn runs meanwhile. A message received during the erasure is kept and answered: the
 * young person wrote after it.
 */
@Component
public class ConversationData implements PersonalDataHolder {

    static final String CONVERSATIONS = "conversations";
    static final String INBOUND = "inbound_messages";
    static final String SEQUENCES = "inbound_sequences";
    static final String OUTBOX = "outbox";
    static final String QUEUES = "outbox_queues";
    static final String STOPPED = "stopped_recipients";
    static final String LEASES = "leases";
    /** As the inbox: a conversation whose counter moved less than this ago may have a message being recorded. */
    private static final Duration QUIET = Duration.ofSeconds(30);
    private static final Duration LEASE = Duration.ofMinutes(1);
    private static final int LEASE_TRIES = 100;

    public static final String CONVERSATION = "conversation";
    public static final String INBOUND_MESSAGE = "inbound-message";
    public static final String OUTBOUND_MESSAGE = "outbound-message";

    private final MongoTemplate mongo;
    private final Leases leases;
    private final Clock clock;

    ConversationData(MongoTemplate mongo, Leases leases, Clock clock) {
        this.mongo = mongo;
        this.leases = leases;
        this.clock = clock;
    }

    /**
     * Conversations where the person left their phone or email without a request yet (typed at the
     * contact step, or a Telegram contact shared), found by the two lookups below.
     */
    @Override
    public Set<ConversationKey> conversationsOf(DataSubject subject) {
        Set<ConversationKey> keys = new LinkedHashSet<>();
        Query typed = contactInState(subject);
        if (typed != null) {
            typed.fields().include("_id");
            mongo.find(typed, Document.class, CONVERSATIONS).forEach(doc -> keys.add(ConversationKey.parse(doc.getString("_id"))));
        }
        if (subject instanceof DataSubject.Phone phone) {
            Query shared = sharedPhone(phone);
            shared.fields().include("conversation");
            mongo.find(shared, Document.class, INBOUND)
                    .forEach(doc -> keys.add(ConversationKey.parse(doc.getString("conversation"))));
        }
        return keys;
    }

    /** THE lookup of conversations by the contact typed in them (with lookup hashes, the one query to change). */
    private static Query contactInState(DataSubject subject) {
        return switch (subject) {
            case DataSubject.Phone phone -> Query.query(Criteria.where("state.contactAddress").is(phone.e164()));
            case DataSubject.Email email -> Query.query(Criteria.where("state.contactAddress")
                    .regex("^" + java.util.regex.Pattern.quote(email.address()) + "$", "i"));
            default -> null;
        };
    }

    /** THE lookup of inbound messages by the phone number shared in them (Telegram's contact button). */
    private static Query sharedPhone(DataSubject.Phone phone) {
        return Query.query(Criteria.where("sharedPhone").is(phone.e164()));
    }

    @Override
    public List<HeldRecord> export(Footprint footprint) {
        List<HeldRecord> records = new ArrayList<>();
        for (ConversationKey key : footprint.conversations()) {
            Document conversation = mongo.findById(stored(key), Document.class, CONVERSATIONS);
            if (conversation != null) {
                records.add(exportedConversation(key, conversation));
            }
            for (Document message : mongo.find(inboundOf(key).with(Sort.by("sequence")), Document.class, INBOUND)) {
                if (!"GAP".equals(message.getString("status"))) {
                    records.add(HeldRecord.of(INBOUND_MESSAGE).with("channel", key.channel().id())
                            .with("from", key.address()).with("receivedAt", instant(message.getDate("receivedAt")))
                            .with("text", message.getString("text")).with("choice", message.getString("choiceId"))
                            .with("sharedPhone", message.getString("sharedPhone")).build());
                }
            }
            for (Document entry : mongo.find(outboxOf(key).with(Sort.by("sequence")), Document.class, OUTBOX)) {
                Document payload = entry.get("payload", Document.class);
                records.add(HeldRecord.of(OUTBOUND_MESSAGE).with("channel", key.channel().id())
                        .with("to", entry.getString("recipient")).with("createdAt", instant(entry.getDate("createdAt")))
                        .with("status", entry.getString("status")).with("sentAt", instant(entry.getDate("sentAt")))
                        .with("text", payload == null ? null : payload.getString("text")).build());
            }
        }
        return records;
    }

    private static HeldRecord exportedConversation(ConversationKey key, Document doc) {
        HeldRecord.Builder record = HeldRecord.of(CONVERSATION).with("channel", key.channel().id())
                .with("address", key.address()).with("updatedAt", instant(doc.getDate("updatedAt")))
                .with("optedOut", Boolean.TRUE.equals(doc.getBoolean("optedOut")) ? "true" : null);
        Document state = doc.get("state", Document.class);
        if (state != null) {
            state.forEach((name, value) -> {
                if (!"key".equals(name) && value != null) {
                    record.with("state:" + name, value instanceof Document d ? d.toJson() : value);
                }
            });
        }
        return record.build();
    }

    @Override
    public Map<String, Integer> erase(Footprint footprint, Instant now) {
        Map<String, Integer> erased = new LinkedHashMap<>();
        for (ConversationKey key : footprint.conversations()) {
            Map<String, Integer> counts = footprint.forgetsAddresses()
                    ? forget(key, footprint.subject() instanceof DataSubject.Idle idle ? idle.lastActiveBefore() : null)
                    : emptyUpTo(key, footprint.throughMessage());
            counts.forEach((kind, n) -> erased.merge(kind, n, Integer::sum));
        }
        return erased;
    }

    /** Asked by message: texts up to the message that asked, replies to the messages before it. */
    private Map<String, Integer> emptyUpTo(ConversationKey key, long throughMessage) {
        long inbound = mongo.updateMulti(inboundOf(key).addCriteria(Criteria.where("sequence").lte(throughMessage)
                .and("status").ne("GAP")), emptyInbound(), INBOUND).getModifiedCount();
        long before = throughMessage * MongoOutbox.SLOTS_PER_MESSAGE;
        Query earlier = outboxOf(key).addCriteria(Criteria.where("sequence").lt(before));
        long outbound = emptyOutbox(key, earlier, null);
        return Map.of(INBOUND_MESSAGE, (int) inbound, OUTBOUND_MESSAGE, (int) outbound);
    }

    /**
     * Everything of the conversation goes, its address included; with {@code idleBefore}, only if
     * its last turn is still older than that (checked under the lease).
     */
    private Map<String, Integer> forget(ConversationKey key, Instant idleBefore) {
        String lease = "conversation:" + stored(key);
        String token = Ids.random("erasure");
        acquire(lease, token);
        try {
            Instant now = clock.instant();
            if (idleBefore != null && !idle(key, idleBefore)) {
                return Map.of();
            }
            ConversationKey tombstone = new ConversationKey(key.channel(), "erased-" + Ids.random("x"));
            Document counter = mongo.findById(stored(key), Document.class, SEQUENCES);
            // messages not yet handled were written after the erasure began: they stay, and are answered
            Query handled = inboundOf(key).addCriteria(Criteria.where("status").ne("PENDING"));
            long gaps = mongo.remove(inboundOf(key).addCriteria(Criteria.where("status").is("GAP")),
                    INBOUND).getDeletedCount();
            long inbound = mongo.updateMulti(handled, emptyInbound().set("conversation", tombstone.value()), INBOUND)
                    .getModifiedCount();
            if (counter != null && !mongo.exists(inboundOf(key), INBOUND) && settled(counter, gaps + inbound, now)) {
                // conditioned on the count read: a message counted meanwhile keeps the counter
                mongo.remove(Query.query(Criteria.where("_id").is(stored(key)).and("next").is(counter.get("next"))), SEQUENCES);
            }
            long outbound = emptyOutbox(key, outboxOf(key), tombstone);
            mongo.remove(Query.query(Criteria.where("_id").is(stored(key))), QUEUES);
            mongo.remove(Query.query(Criteria.where("_id").is(stored(key))), STOPPED);
            long conversations = mongo.remove(Query.query(Criteria.where("_id").is(stored(key))), CONVERSATIONS)
                    .getDeletedCount();
            return Map.of(CONVERSATION, (int) conversations, INBOUND_MESSAGE, (int) inbound,
                    OUTBOUND_MESSAGE, (int) outbound);
        } finally {
            leases.release(lease, token);
            // the lease's name holds the address: it goes too, unless a worker took it meanwhile
            mongo.remove(Query.query(Criteria.where("_id").is(lease).and("owner").is(token)), LEASES);
        }
    }

    private boolean idle(ConversationKey key, Instant before) {
        Query query = Query.query(Criteria.where("_id").is(stored(key)));
        query.fields().include("updatedAt");
        Document doc = mongo.findOne(query, Document.class, CONVERSATIONS);
        return doc != null && doc.getDate("updatedAt") != null && doc.getDate("updatedAt").toInstant().isBefore(before);
    }

    /**
     * Whether no message is being recorded in the conversation: every rank counted is accounted for,
     * or (a rank lost by a crash) nothing was counted for a while, as the inbox itself judges.
     */
    private static boolean settled(Document counter, long accounted, Instant now) {
        long counted = ((Number) counter.get("next")).longValue();
        return accounted >= counted || counter.getDate("at") == null
                || counter.getDate("at").toInstant().plus(QUIET).isBefore(now);
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
        Query pending = Query.of(entries).addCriteria(Criteria.where("status").is("PENDING"));
        pending.fields().include("_id");
        for (Document entry : mongo.find(pending, Document.class, OUTBOX)) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(entry.getString("_id")).and("status").is("PENDING")),
                    new Update().set("status", "CANCELLED"), OUTBOX);
            mongo.updateFirst(Query.query(Criteria.where("_id").is(stored(key))),
                    new Update().pull("entries", new Document("id", entry.getString("_id"))), QUEUES);
        }
        Update empty = new Update().set("payload", new Document("kind", "chat").append("text", "").append("erased", true))
                .set("recipient", "erased");
        if (tombstone != null) {
            empty.set("conversation", tombstone.value());
        }
        return mongo.updateMulti(entries, empty, OUTBOX).getModifiedCount();
    }

    private static Update emptyInbound() {
        return new Update().set("text", "").unset("choiceId").unset("sharedPhone").set("erased", true);
    }

    /**
     * THE stored form of a conversation key: the {@code _id} of its documents in conversations,
     * inbound_sequences, outbox_queues, stopped_recipients (and in its lease's name). With lookup
     * hashes, the one method to change for those collections.
     */
    private static String stored(ConversationKey key) {
        return key.value();
    }

    /** THE lookup of a conversation's inbound messages (with lookup hashes, the one query to change). */
    private static Query inboundOf(ConversationKey key) {
        return Query.query(Criteria.where("conversation").is(stored(key)));
    }

    /** THE lookup of a conversation's outbox entries (with lookup hashes, the one query to change). */
    private static Query outboxOf(ConversationKey key) {
        return Query.query(Criteria.where("conversation").is(stored(key)));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
