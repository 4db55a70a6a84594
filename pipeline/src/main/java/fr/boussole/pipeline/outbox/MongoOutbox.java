package fr.boussole.pipeline.outbox;

import fr.boussole.core.delivery.Delivery;
import fr.boussole.core.delivery.DeliveryStatusSink;
import fr.boussole.core.delivery.Outbox;
import fr.boussole.core.delivery.RecipientMask;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.message.OutboundMessage;
import fr.boussole.core.privacy.PersonalData;
import fr.boussole.core.privacy.SealedField;
import fr.boussole.pipeline.sealed.SealedDocuments;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;

/**
 * The outbox collection. Entries are written once (idempotent on id) and then only change status;
 * the worker ({@link OutboxWorker}) claims them one at a time with a lease. Each conversation has a
 * queue document listing its unfinished entries by sequence: only the first may go, so that entry
 * n+1 never overtakes entry n. Hot paths use lookups by _id only (fast on any store). Personal data
 * at rest: recipient and payload sealed ({@code recipientLookup} = the recipient's lookup key), the
 * conversation named by {@link #ref}.
 */
@Component
public class MongoOutbox implements Outbox, DeliveryStatusSink {

    static final String COLLECTION = "outbox";
    static final String STOPPED = "stopped_recipients";
    static final String QUEUES = "outbox_queues";
    /** Room for the replies of one inbound message within its conversation's sequence of deliveries. */
    public static final long SLOTS_PER_MESSAGE = 1000;

    /** The recipient of an entry whose personal data was erased. */
    static final String ERASED = "erased";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final ObjectProvider<OutboxWorker> worker;
    private final SealedDocuments sealed;
    private final PersonalData personalData;

    MongoOutbox(MongoTemplate mongo, Clock clock, ObjectProvider<OutboxWorker> worker, SealedDocuments sealed) {
        this.mongo = mongo;
        this.clock = clock;
        this.worker = worker;
        this.sealed = sealed;
        this.personalData = sealed.personalData();
        mongo.indexOps(COLLECTION).createIndex(new Index().on("status", Sort.Direction.ASC)
                .on("nextAttemptAt", Sort.Direction.ASC).named("due"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("conversation", Sort.Direction.ASC)
                .on("sequence", Sort.Direction.ASC).named("conversation_order"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("inboundId", Sort.Direction.ASC).named("inbound"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("providerId", Sort.Direction.ASC).named("provider"));
        // id#claims: a claim is a compare-and-set on this unique key (an indexed exact match on any store)
        mongo.indexOps(COLLECTION).createIndex(new Index().on("cas", Sort.Direction.ASC).unique().named("cas"));
    }

    @Override
    public void enqueue(Delivery delivery) {
        enqueue(delivery, null);
    }

    /** Enqueues a reply to an inbound message, so that the web chat can find the replies of one message. */
    public void enqueue(Delivery delivery, String inboundId) {
        Instant now = clock.instant();
        Document doc = new Document("_id", delivery.id())
                .append("channel", delivery.channel().id())
                .append("recipient", personalData.seal(delivery.recipient(), field(delivery.id(), "recipient")))
                .append("recipientLookup", personalData.lookupKey(delivery.channel(), delivery.recipient()))
                .append("conversation", delivery.conversation() == null ? null : ref(delivery.conversation()))
                .append("sequence", delivery.sequence())
                .append("inboundId", inboundId)
                .append("payload", sealed.seal(StoredPayloads.write(delivery.payload()), field(delivery.id(), "payload")))
                .append("status", OutboxStatus.PENDING.name())
                .append("attempts", 0)
                .append("createdAt", Date.from(now))
                .append("nextAttemptAt", Date.from(now))
                .append("leaseUntil", new Date(0))
                .append("claims", 0L)
                .append("cas", delivery.id() + "#0");
        try {
            mongo.insert(doc, COLLECTION);
        } catch (DuplicateKeyException alreadyThere) {
            // replayed after a crash: the entry is there, make sure it is queued (below)
        }
        if (delivery.channel() == Channel.WEB) {
            return; // returned in the web chat's HTTP answer, never sent by a worker
        }
        if (delivery.conversation() != null) {
            queue(ref(delivery.conversation()), delivery.id(), delivery.sequence());
        }
        worker.ifAvailable(w -> w.hint(delivery.id()));
    }

    private void queue(String conversation, String id, long sequence) {
        mongo.upsert(Query.query(Criteria.where("_id").is(conversation)),
                new Update().addToSet("entries", new Document("id", id).append("sequence", sequence)), QUEUES);
    }

    private void dequeue(String conversation, String id) {
        if (conversation != null) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(conversation)),
                    new Update().pull("entries", new Document("id", id)), QUEUES);
        }
    }

    /** The conversation's unfinished entries, first to go first. */
    List<Document> queued(String conversation) {
        Document queue = mongo.findById(conversation, Document.class, QUEUES);
        if (queue == null) {
            return List.of();
        }
        return queue.getList("entries", Document.class, List.of()).stream()
                .sorted(java.util.Comparator.comparingLong(e -> ((Number) e.get("sequence")).longValue())).toList();
    }

    /**
     * True when this entry is the first unfinished one of its conversation (or has none). An entry
     * missing from its queue (a crash between insert and queueing) is queued first; a finished entry
     * still at the head (a crash between its end and its removal) is removed.
     */
    boolean isFirstInLine(Document entry) {
        String conversation = entry.getString("conversation");
        if (conversation == null) {
            return true;
        }
        String id = entry.getString("_id");
        List<Document> queued = queued(conversation);
        if (queued.stream().noneMatch(e -> id.equals(e.getString("id")))) {
            queue(conversation, id, ((Number) entry.get("sequence")).longValue());
            queued = queued(conversation);
        }
        for (Document head : queued) {
            String headId = head.getString("id");
            if (headId.equals(id)) {
                return true;
            }
            Document headEntry = byId(headId);
            if (headEntry != null && OutboxStatus.PENDING.name().equals(headEntry.getString("status"))) {
                return false;
            }
            dequeue(conversation, headId);
        }
        return false;
    }

    Document byId(String id) {
        return mongo.findById(id, Document.class, COLLECTION);
    }

    /**
     * The replies to one web chat message, by their outbox ids, in order. Returning them is their
     * delivery: pending ones are marked sent. Asked again (a client retry), it returns the same replies.
     */
    public List<OutboundMessage> takeWebReplies(List<String> ids) {
        List<OutboundMessage> replies = new java.util.ArrayList<>();
        for (String id : ids) {
            Document doc = byId(id);
            if (doc == null || OutboxStatus.CANCELLED.name().equals(doc.getString("status"))) {
                continue;
            }
            if (OutboxStatus.PENDING.name().equals(doc.getString("status"))) {
                // by _id alone (the embedded store uses no index for a compound condition); only the
                // web chat touches WEB entries, and marking one sent twice is harmless
                mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                        new Update().set("status", OutboxStatus.SENT.name()).set("providerId", "web")
                                .set("sentAt", Date.from(clock.instant())).set("attempts", 1), COLLECTION);
            }
            replies.add(StoredPayloads.message(payload(doc)));
        }
        return replies;
    }

    @Override
    public void report(String providerId, Status status, String errorCode) {
        if (providerId == null) {
            return;
        }
        Update update = new Update().set("providerStatus", status.name()).set("providerStatusAt", Date.from(clock.instant()));
        if (errorCode != null) {
            update.set("providerError", errorCode);
        }
        mongo.updateFirst(Query.query(Criteria.where("providerId").is(providerId)), update, COLLECTION);
    }

    /** The recipient blocked us or unsubscribed: nothing more goes to them until they write again. */
    public void stopRecipient(ConversationKey conversation) {
        Instant now = clock.instant();
        String ref = ref(conversation);
        mongo.upsert(Query.query(Criteria.where("_id").is(ref)),
                new Update().set("since", Date.from(now)), STOPPED);
        for (Document queued : queued(ref)) {
            String id = queued.getString("id");
            mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("status").is(OutboxStatus.PENDING.name())),
                    new Update().set("status", OutboxStatus.FAILED.name()).set("lastError", "recipient gone"), COLLECTION);
            dequeue(ref, id);
        }
    }

    public void resumeRecipient(ConversationKey conversation) {
        mongo.remove(Query.query(Criteria.where("_id").is(ref(conversation))), STOPPED);
    }

    boolean isStopped(String conversation) {
        return conversation != null && mongo.exists(Query.query(Criteria.where("_id").is(conversation)), STOPPED);
    }

    // --- the worker's side ---

    List<Document> dueCandidates(Collection<String> channels, Instant now, int limit) {
        Query query = Query.query(Criteria.where("status").is(OutboxStatus.PENDING.name())
                        .and("channel").in(channels)
                        .and("nextAttemptAt").lte(Date.from(now))
                        .and("leaseUntil").lt(Date.from(now)))
                .with(Sort.by("nextAttemptAt")).limit(limit);
        return mongo.find(query, Document.class, COLLECTION);
    }

    /** Claims an entry read as pending and free: fails if anyone claimed it since it was read. */
    Document claim(Document entry, String owner, Instant until) {
        String id = entry.getString("_id");
        long claims = ((Number) entry.get("claims")).longValue();
        return mongo.findAndModify(Query.query(Criteria.where("cas").is(id + "#" + claims)),
                new Update().set("leaseOwner", owner).set("leaseUntil", Date.from(until))
                        .set("claims", claims + 1).set("cas", id + "#" + (claims + 1)),
                FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
    }

    void markSent(String id, String conversation, int attempts, String providerId, Instant now) {
        dequeueAfter(id, conversation, new Update().set("status", OutboxStatus.SENT.name()).set("attempts", attempts)
                .set("providerId", providerId).set("sentAt", Date.from(now)));
    }

    void markRetry(String id, int attempts, String reason, Instant next) {
        finish(id, new Update().set("attempts", attempts).set("lastError", RecipientMask.scrub(reason)).set("nextAttemptAt", Date.from(next)));
    }

    void markFinal(String id, String conversation, OutboxStatus status, int attempts, String reason, Instant now) {
        dequeueAfter(id, conversation, new Update().set("status", status.name()).set("attempts", attempts).set("lastError", RecipientMask.scrub(reason))
                .set("finishedAt", Date.from(now)));
    }

    private void dequeueAfter(String id, String conversation, Update update) {
        finish(id, update);
        dequeue(conversation, id);
    }

    private void finish(String id, Update update) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), update.set("leaseUntil", new Date(0)).unset("leaseOwner"),
                COLLECTION);
    }

    /**
     * A dead letter back to pending, attempts from zero, and back in its conversation's queue at its
     * own sequence (so before what of that conversation still waits). Conditioned on DEAD: of two
     * clicks on Retry, one changes the entry.
     */
    Document revive(String id, Instant now) {
        Document revived = mongo.findAndModify(
                Query.query(Criteria.where("_id").is(id).and("status").is(OutboxStatus.DEAD.name())),
                new Update().set("status", OutboxStatus.PENDING.name()).set("attempts", 0)
                        .set("nextAttemptAt", Date.from(now)).set("leaseUntil", new Date(0)).unset("leaseOwner")
                        .set("revivedAt", Date.from(now)).inc("revivals", 1),
                FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
        if (revived == null) {
            return null;
        }
        String conversation = revived.getString("conversation");
        if (conversation != null) {
            queue(conversation, id, ((Number) revived.get("sequence")).longValue());
        }
        worker.ifAvailable(w -> w.hint(id));
        return revived;
    }

    /** Dead letters, the most recent first (the "due" index serves the status match). */
    List<Document> dead(int limit) {
        return mongo.find(Query.query(Criteria.where("status").is(OutboxStatus.DEAD.name()))
                .with(Sort.by(Sort.Direction.DESC, "finishedAt")).limit(limit), Document.class, COLLECTION);
    }

    public long count(OutboxStatus status) {
        return mongo.count(Query.query(Criteria.where("status").is(status.name())), COLLECTION);
    }

    /** The conversation's entries in order, recipient and payload opened (for operators and tests). */
    public List<Document> entries(ConversationKey conversation) {
        List<Document> entries = mongo.find(Query.query(Criteria.where("conversation").is(ref(conversation)))
                .with(Sort.by("sequence")), Document.class, COLLECTION);
        for (Document entry : entries) {
            Delivery opened = delivery(entry, ((Number) entry.get("attempts")).intValue());
            entry.put("recipient", opened.recipient());
            entry.put("payload", payload(entry));
        }
        return entries;
    }

    /**
     * How the store names a conversation: {@code channel:lookupKey(address)}, in the entries'
     * {@code conversation} field and as the id of its {@code outbox_queues} and {@code stopped_recipients} documents.
     */
    public String ref(ConversationKey conversation) {
        return personalData.conversationRef(conversation);
    }

    /**
     * An entry as its deliverer takes it: recipient and payload opened. A conversation's replies go
     * to its address, so its key is the channel and the recipient.
     */
    Delivery delivery(Document entry, int attempt) {
        Channel channel = Channel.valueOf(entry.getString("channel").toUpperCase(java.util.Locale.ROOT));
        String recipient = recipient(entry);
        ConversationKey conversation = entry.getString("conversation") == null ? null : new ConversationKey(channel, recipient);
        return new Delivery(entry.getString("_id"), channel, recipient, conversation,
                ((Number) entry.get("sequence")).longValue(), attempt, StoredPayloads.read(payload(entry)));
    }

    /** The entry's recipient in clear (an erased one stays {@value #ERASED}): for masking on display. */
    String recipient(Document entry) {
        String recipient = entry.getString("recipient");
        return recipient == null || ERASED.equals(recipient) ? recipient
                : personalData.open(recipient, field(entry.getString("_id"), "recipient"));
    }

    /** Where a sealed value of an outbox entry lives: its place, bound to the value. */
    static SealedField field(String id, String name) {
        return SealedField.of(COLLECTION, id, name);
    }

    /** The payload, opened; an erased one is stored as an empty chat text in clear. */
    private Document payload(Document entry) {
        Object payload = entry.get("payload");
        return payload instanceof String sealedPayload ? sealed.open(sealedPayload, field(entry.getString("_id"), "payload"))
                : (Document) payload;
    }
}
