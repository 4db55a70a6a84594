package fr.boussole.app.inbound;

import fr.boussole.core.ids.Ids;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.message.Inbound;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The inbound messages collection. One document per (channel, provider message id), kept for good
 * (its text is erased on request, its key never), so that a provider's late redelivery is a duplicate.
 */
@Component
public class InboundMessages {

    static final String COLLECTION = "inbound_messages";
    static final String SEQUENCES = "inbound_sequences";

    private final MongoTemplate mongo;

    InboundMessages(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("channel", Sort.Direction.ASC)
                .on("providerMessageId", Sort.Direction.ASC).unique().named("dedup"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("conversation", Sort.Direction.ASC)
                .on("sequence", Sort.Direction.ASC).named("conversation_order"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("status", Sort.Direction.ASC)
                .on("nextAttemptAt", Sort.Direction.ASC).named("due"));
    }

    public static String idOf(Channel channel, String providerMessageId) {
        return Ids.derived("in", channel.id(), providerMessageId);
    }

    /** @return false when this provider message is already recorded */
    public boolean insert(Inbound inbound, Instant now) {
        String id = idOf(inbound.conversation().channel(), inbound.providerMessageId());
        if (mongo.exists(Query.query(Criteria.where("_id").is(id)), COLLECTION)) {
            return false;
        }
        // A gap in the sequence (a crash after this step, or a duplicate racing us) is harmless:
        // only the order matters.
        long sequence = nextSequence(inbound.conversation());
        Document doc = new Document("_id", id)
                .append("channel", inbound.conversation().channel().id())
                .append("providerMessageId", inbound.providerMessageId())
                .append("conversation", inbound.conversation().value())
                .append("sequence", sequence)
                .append("text", inbound.text())
                .append("choiceId", inbound.choiceId())
                .append("sharedPhone", inbound.sharedPhone())
                .append("receivedAt", Date.from(inbound.receivedAt()))
                .append("acceptedAt", Date.from(now))
                .append("status", InboundStatus.PENDING.name())
                .append("attempts", 0)
                .append("nextAttemptAt", Date.from(now));
        try {
            mongo.insert(doc, COLLECTION);
            return true;
        } catch (DuplicateKeyException duplicate) {
            return false;
        }
    }

    private long nextSequence(ConversationKey conversation) {
        Document counter = mongo.findAndModify(Query.query(Criteria.where("_id").is(conversation.value())),
                new Update().inc("next", 1L), FindAndModifyOptions.options().upsert(true).returnNew(true),
                Document.class, SEQUENCES);
        return ((Number) counter.get("next")).longValue();
    }

    public Optional<InboundMessage> byId(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, COLLECTION)).map(InboundMessages::fromDocument);
    }

    /** The oldest message of the conversation not yet processed nor parked: the only one that may be processed. */
    public Optional<InboundMessage> head(ConversationKey conversation) {
        Query query = Query.query(Criteria.where("conversation").is(conversation.value())
                        .and("status").is(InboundStatus.PENDING.name()))
                .with(Sort.by("sequence")).limit(1);
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION)).map(InboundMessages::fromDocument);
    }

    /** Conversations that have a message due for processing (another instance may have left it). */
    public Set<ConversationKey> conversationsWithDueWork(Instant now, int limit) {
        Query query = Query.query(Criteria.where("status").is(InboundStatus.PENDING.name())
                .and("nextAttemptAt").lte(Date.from(now))).limit(limit);
        query.fields().include("conversation");
        Set<ConversationKey> keys = new LinkedHashSet<>();
        for (Document doc : mongo.find(query, Document.class, COLLECTION)) {
            keys.add(ConversationKey.parse(doc.getString("conversation")));
        }
        return keys;
    }

    public void markProcessed(String id, Instant now) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().set("status", InboundStatus.PROCESSED.name()).set("processedAt", Date.from(now)),
                COLLECTION);
    }

    public void retryLater(String id, int attempts, Instant nextAttemptAt) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().set("attempts", attempts).set("nextAttemptAt", Date.from(nextAttemptAt)), COLLECTION);
    }

    public void park(String id, int attempts, Instant now) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().set("attempts", attempts).set("status", InboundStatus.PARKED.name())
                        .set("parkedAt", Date.from(now)), COLLECTION);
    }

    /** Erasure: the texts and shared phones go, the de-duplication keys and ranks stay. */
    public void eraseContent(ConversationKey conversation) {
        mongo.updateMulti(Query.query(Criteria.where("conversation").is(conversation.value())),
                new Update().set("text", "").unset("choiceId").unset("sharedPhone").set("erased", true), COLLECTION);
    }

    public long count(InboundStatus status) {
        return mongo.count(Query.query(Criteria.where("status").is(status.name())), COLLECTION);
    }

    public List<InboundMessage> all(ConversationKey conversation) {
        Query query = Query.query(Criteria.where("conversation").is(conversation.value())).with(Sort.by("sequence"));
        return mongo.find(query, Document.class, COLLECTION).stream().map(InboundMessages::fromDocument).toList();
    }

    private static InboundMessage fromDocument(Document doc) {
        ConversationKey key = ConversationKey.parse(doc.getString("conversation"));
        Inbound inbound = new Inbound(doc.getString("providerMessageId"), key, doc.getString("text"),
                doc.getString("choiceId"), doc.getString("sharedPhone"), doc.getDate("receivedAt").toInstant());
        return new InboundMessage(doc.getString("_id"), ((Number) doc.get("sequence")).longValue(), inbound,
                ((Number) doc.get("attempts")).intValue(), doc.getDate("acceptedAt").toInstant(),
                doc.getDate("nextAttemptAt").toInstant(), InboundStatus.valueOf(doc.getString("status")));
    }
}
