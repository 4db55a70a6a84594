package fr.boussole.app.inbound;

import fr.boussole.core.ids.Ids;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.message.Inbound;
import fr.boussole.core.privacy.PersonalData;
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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The inbound messages collection. One document per (channel, provider message id), kept for good
 * (its text is erased on request, its key never), so that a provider's late redelivery is a duplicate.
 * Personal data at rest: the conversation is named by {@link #ref}, its address, the text, the choice
 * and a shared phone are sealed.
 */
@Component
public class InboundMessages {

    static final String COLLECTION = "inbound_messages";
    static final String SEQUENCES = "inbound_sequences";
    /** The status of a placeholder filling a rank taken by a message that turned out to be a duplicate. */
    static final String GAP = "GAP";
    static final Duration GAP_TIMEOUT = Duration.ofSeconds(30);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final PersonalData personalData;

    InboundMessages(MongoTemplate mongo, Clock clock, PersonalData personalData) {
        this.mongo = mongo;
        this.clock = clock;
        this.personalData = personalData;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("channel", Sort.Direction.ASC)
                .on("providerMessageId", Sort.Direction.ASC).unique().named("dedup"));
        // unique, and queried by exact match only: the embedded store can use unique indexes only
        mongo.indexOps(COLLECTION).createIndex(new Index().on("conversation", Sort.Direction.ASC)
                .on("sequence", Sort.Direction.ASC).unique().named("conversation_order"));
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
                .append("conversation", ref(inbound.conversation()))
                .append("address", personalData.seal(inbound.conversation().address()))
                .append("sequence", sequence)
                .append("text", personalData.seal(inbound.text()))
                .append("choiceId", personalData.seal(inbound.choiceId()))
                .append("sharedPhone", personalData.seal(inbound.sharedPhone()))
                .append("receivedAt", Date.from(inbound.receivedAt()))
                .append("acceptedAt", Date.from(now))
                .append("status", InboundStatus.PENDING.name())
                .append("attempts", 0)
                .append("nextAttemptAt", Date.from(now));
        try {
            mongo.insert(doc, COLLECTION);
            return true;
        } catch (DuplicateKeyException duplicate) {
            // the same provider message raced us: fill the rank we took so that it holds nothing up
            insertGap(inbound.conversation(), sequence, now);
            return false;
        }
    }

    private void insertGap(ConversationKey conversation, long sequence, Instant now) {
        try {
            mongo.insert(new Document("_id", Ids.derived("gap", ref(conversation), Long.toString(sequence)))
                    .append("conversation", ref(conversation)).append("sequence", sequence)
                    .append("status", GAP).append("acceptedAt", Date.from(now)), COLLECTION);
        } catch (DuplicateKeyException alreadyFilled) {
            // nothing to do
        }
    }

    private long nextSequence(ConversationKey conversation) {
        Document counter = mongo.findAndModify(Query.query(Criteria.where("_id").is(ref(conversation))),
                new Update().inc("next", 1L).set("at", Date.from(clock.instant())), FindAndModifyOptions.options().upsert(true).returnNew(true),
                Document.class, SEQUENCES);
        return ((Number) counter.get("next")).longValue();
    }

    public Optional<InboundMessage> byId(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, COLLECTION)).map(this::fromDocument);
    }

    /**
     * The oldest message of the conversation not yet processed nor parked: the only one that may be
     * processed. Walks the ranks from the conversation's "done" mark with exact-match lookups (fast
     * on any store). A missing rank is a message being recorded right now: wait for it; if nothing
     * arrived for {@code GAP_TIMEOUT}, it is a rank lost by a crash: skip it.
     */
    public Optional<InboundMessage> head(ConversationKey conversation) {
        String ref = ref(conversation);
        Document counter = mongo.findById(ref, Document.class, SEQUENCES);
        if (counter == null) {
            return Optional.empty();
        }
        long next = ((Number) counter.get("next")).longValue();
        long done = counter.get("done") == null ? 0 : ((Number) counter.get("done")).longValue();
        boolean quiet = counter.getDate("at") == null
                || counter.getDate("at").toInstant().plus(GAP_TIMEOUT).isBefore(clock.instant());
        long contiguous = done;
        try {
            for (long rank = done + 1; rank <= next; rank++) {
                Document doc = mongo.findOne(Query.query(Criteria.where("conversation").is(ref)
                        .and("sequence").is(rank)), Document.class, COLLECTION);
                if (doc == null && !quiet) {
                    return Optional.empty();
                }
                if (doc != null && InboundStatus.PENDING.name().equals(doc.getString("status"))) {
                    return Optional.of(fromDocument(doc));
                }
                if (contiguous == rank - 1) {
                    contiguous = rank;
                }
            }
            return Optional.empty();
        } finally {
            if (contiguous > done) {
                mongo.updateFirst(Query.query(Criteria.where("_id").is(ref)),
                        new Update().max("done", contiguous), SEQUENCES);
            }
        }
    }

    /** Conversations that have a message due for processing (another instance may have left it). */
    public Set<ConversationKey> conversationsWithDueWork(Instant now, int limit) {
        Query query = Query.query(Criteria.where("status").is(InboundStatus.PENDING.name())
                .and("nextAttemptAt").lte(Date.from(now))).limit(limit);
        query.fields().include("channel").include("address");
        Set<ConversationKey> keys = new LinkedHashSet<>();
        for (Document doc : mongo.find(query, Document.class, COLLECTION)) {
            keys.add(keyOf(doc));
        }
        return keys;
    }

    /** @param replyIds the outbox ids of the turn's replies, in order: the web chat returns them */
    public void markProcessed(String id, List<String> replyIds, Instant now) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().set("status", InboundStatus.PROCESSED.name()).set("processedAt", Date.from(now))
                        .set("replies", replyIds), COLLECTION);
    }

    public List<String> replyIds(String id) {
        Query query = Query.query(Criteria.where("_id").is(id));
        query.fields().include("replies");
        Document doc = mongo.findOne(query, Document.class, COLLECTION);
        return doc == null ? List.of() : doc.getList("replies", String.class, List.of());
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
        mongo.updateMulti(Query.query(Criteria.where("conversation").is(ref(conversation))),
                new Update().set("text", "").unset("choiceId").unset("sharedPhone").set("erased", true), COLLECTION);
    }

    public long count(InboundStatus status) {
        return mongo.count(Query.query(Criteria.where("status").is(status.name())), COLLECTION);
    }

    public List<InboundMessage> all(ConversationKey conversation) {
        Query query = Query.query(Criteria.where("conversation").is(ref(conversation))
                .and("status").ne(GAP)).with(Sort.by("sequence"));
        return mongo.find(query, Document.class, COLLECTION).stream().map(this::fromDocument).toList();
    }

    /**
     * How the store names a conversation: {@code channel:lookupKey(address)}, never the address
     * itself (field {@code conversation}; also the id of its {@code inbound_sequences} counter).
     */
    public String ref(ConversationKey conversation) {
        return personalData.conversationRef(conversation);
    }

    private ConversationKey keyOf(Document doc) {
        return new ConversationKey(Channel.valueOf(doc.getString("channel").toUpperCase(Locale.ROOT)),
                personalData.open(doc.getString("address")));
    }

    /** Opens a sealed field; an erased text is stored empty, which tells nothing and opens to itself. */
    private String open(String value) {
        return value == null || value.isEmpty() ? value : personalData.open(value);
    }

    private InboundMessage fromDocument(Document doc) {
        ConversationKey key = keyOf(doc);
        Inbound inbound = new Inbound(doc.getString("providerMessageId"), key, open(doc.getString("text")),
                open(doc.getString("choiceId")), open(doc.getString("sharedPhone")), doc.getDate("receivedAt").toInstant());
        return new InboundMessage(doc.getString("_id"), ((Number) doc.get("sequence")).longValue(), inbound,
                ((Number) doc.get("attempts")).intValue(), doc.getDate("acceptedAt").toInstant(),
                doc.getDate("nextAttemptAt").toInstant(), InboundStatus.valueOf(doc.getString("status")));
    }
}
