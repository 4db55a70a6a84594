package fr.boussole.app.outbox;

import fr.boussole.core.delivery.Delivery;
import fr.boussole.core.delivery.DeliveryStatusSink;
import fr.boussole.core.delivery.Outbox;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.message.OutboundMessage;
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
 * the worker ({@link OutboxWorker}) claims them one at a time with a lease.
 */
@Component
public class MongoOutbox implements Outbox, DeliveryStatusSink {

    static final String COLLECTION = "outbox";
    static final String STOPPED = "stopped_recipients";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final ObjectProvider<OutboxWorker> worker;

    MongoOutbox(MongoTemplate mongo, Clock clock, ObjectProvider<OutboxWorker> worker) {
        this.mongo = mongo;
        this.clock = clock;
        this.worker = worker;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("status", Sort.Direction.ASC)
                .on("nextAttemptAt", Sort.Direction.ASC).named("due"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("conversation", Sort.Direction.ASC)
                .on("sequence", Sort.Direction.ASC).named("conversation_order"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("inboundId", Sort.Direction.ASC).named("inbound"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("providerId", Sort.Direction.ASC).named("provider"));
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
                .append("recipient", delivery.recipient())
                .append("conversation", delivery.conversation() == null ? null : delivery.conversation().value())
                .append("sequence", delivery.sequence())
                .append("inboundId", inboundId)
                .append("payload", StoredPayloads.write(delivery.payload()))
                .append("status", OutboxStatus.PENDING.name())
                .append("attempts", 0)
                .append("createdAt", Date.from(now))
                .append("nextAttemptAt", Date.from(now))
                .append("leaseUntil", new Date(0));
        try {
            mongo.insert(doc, COLLECTION);
        } catch (DuplicateKeyException alreadyThere) {
            return;
        }
        worker.ifAvailable(OutboxWorker::nudge);
    }

    /**
     * The replies to one web chat message, in order. Returning them is their delivery: pending
     * ones are marked sent. Asked again (a client retry), it returns the same replies.
     */
    public List<OutboundMessage> takeWebReplies(String inboundId) {
        Query query = Query.query(Criteria.where("inboundId").is(inboundId).and("channel").is(Channel.WEB.id()))
                .with(Sort.by("sequence"));
        List<Document> docs = mongo.find(query, Document.class, COLLECTION);
        mongo.updateMulti(Query.query(Criteria.where("inboundId").is(inboundId).and("channel").is(Channel.WEB.id())
                        .and("status").is(OutboxStatus.PENDING.name())),
                new Update().set("status", OutboxStatus.SENT.name()).set("providerId", "web")
                        .set("sentAt", Date.from(clock.instant())).set("attempts", 1), COLLECTION);
        return docs.stream().filter(d -> !OutboxStatus.CANCELLED.name().equals(d.getString("status")))
                .map(d -> StoredPayloads.message(d.get("payload", Document.class))).toList();
    }

    /** The label of a choice the bot last offered in this conversation, or null: a tap carries only the id. */
    public String lastOfferedLabel(ConversationKey conversation, String choiceId) {
        Document last = mongo.findOne(Query.query(Criteria.where("conversation").is(conversation.value()))
                .with(Sort.by(Sort.Direction.DESC, "sequence")).limit(1), Document.class, COLLECTION);
        if (last == null) {
            return null;
        }
        return StoredPayloads.message(last.get("payload", Document.class)).choices().stream()
                .filter(c -> c.id().equals(choiceId)).map(fr.boussole.core.message.Choice::label).findFirst().orElse(null);
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

    /** Erasure: chat texts of this conversation enqueued before {@code beforeSequence} go; pending ones are cancelled. */
    public void eraseChatPayloads(ConversationKey conversation, long beforeSequence) {
        Criteria ofConversation = Criteria.where("conversation").is(conversation.value()).and("sequence").lt(beforeSequence);
        mongo.updateMulti(Query.query(Criteria.where("conversation").is(conversation.value()).and("sequence").lt(beforeSequence)
                        .and("status").is(OutboxStatus.PENDING.name())),
                new Update().set("status", OutboxStatus.CANCELLED.name()), COLLECTION);
        mongo.updateMulti(Query.query(ofConversation),
                new Update().set("payload", new Document("kind", "chat").append("text", "").append("erased", true))
                        .set("recipient", "erased"), COLLECTION);
    }

    /** The recipient blocked us or unsubscribed: nothing more goes to them until they write again. */
    public void stopRecipient(ConversationKey conversation) {
        Instant now = clock.instant();
        mongo.upsert(Query.query(Criteria.where("_id").is(conversation.value())),
                new Update().set("since", Date.from(now)), STOPPED);
        mongo.updateMulti(Query.query(Criteria.where("conversation").is(conversation.value())
                        .and("status").is(OutboxStatus.PENDING.name())),
                new Update().set("status", OutboxStatus.FAILED.name()).set("lastError", "recipient gone"), COLLECTION);
    }

    public void resumeRecipient(ConversationKey conversation) {
        mongo.remove(Query.query(Criteria.where("_id").is(conversation.value())), STOPPED);
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

    /** True when an earlier entry of the same conversation is still waiting: this one must wait too. */
    boolean hasEarlierPending(String conversation, long sequence) {
        return conversation != null && mongo.exists(Query.query(Criteria.where("conversation").is(conversation)
                .and("sequence").lt(sequence).and("status").is(OutboxStatus.PENDING.name())), COLLECTION);
    }

    Document claim(String id, String owner, Instant now, Instant until) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(id)
                        .and("status").is(OutboxStatus.PENDING.name()).and("leaseUntil").lt(Date.from(now))),
                new Update().set("leaseOwner", owner).set("leaseUntil", Date.from(until)),
                FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
    }

    void markSent(String id, int attempts, String providerId, Instant now) {
        finish(id, new Update().set("status", OutboxStatus.SENT.name()).set("attempts", attempts)
                .set("providerId", providerId).set("sentAt", Date.from(now)));
    }

    void markRetry(String id, int attempts, String reason, Instant next) {
        finish(id, new Update().set("attempts", attempts).set("lastError", reason).set("nextAttemptAt", Date.from(next)));
    }

    void markFinal(String id, OutboxStatus status, int attempts, String reason, Instant now) {
        finish(id, new Update().set("status", status.name()).set("attempts", attempts).set("lastError", reason)
                .set("finishedAt", Date.from(now)));
    }

    private void finish(String id, Update update) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), update.set("leaseUntil", new Date(0)).unset("leaseOwner"),
                COLLECTION);
    }

    public long count(OutboxStatus status) {
        return mongo.count(Query.query(Criteria.where("status").is(status.name())), COLLECTION);
    }

    public List<Document> entries(ConversationKey conversation) {
        return mongo.find(Query.query(Criteria.where("conversation").is(conversation.value())).with(Sort.by("sequence")),
                Document.class, COLLECTION);
    }
}
