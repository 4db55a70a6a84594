package fr.boussole.pipeline.inbound;

import fr.boussole.core.ids.Ids;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.message.Inbound;
import fr.boussole.core.privacy.PersonalData;
import fr.boussole.core.privacy.SealedField;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessResourceException;
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
import java.util.function.Consumer;

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
    /**
     * The status of a placeholder that fills a rank holding no message: one taken by a message that
     * turned out to be a duplicate, or one given up by {@link #head} after {@code gapTimeout}.
     */
    static final String GAP = "GAP";
    /** The unique (conversation, rank) index: the arbiter between a placeholder and a late recording. */
    static final String ORDER_INDEX = "conversation_order";
    /** How many of the last ranks' counting times a conversation's counter keeps. */
    private static final int RECENT_RANKS = 32;
    /** Ranks taken in a row by one recording, each lost to a placeholder, before it gives up (and the channel answers 503). */
    private static final int MAX_RANKS_PER_RECORDING = 5;

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration gapTimeout;
    private final PersonalData personalData;
    /**
     * Test seam: runs in {@link #insert} between taking a rank and inserting the message, i.e. in
     * the window where a crash loses the rank or a stall makes the recording late.
     */
    volatile Consumer<Long> afterRankTaken = rank -> {};
    /**
     * Test seam: runs in {@link #head} after it found a rank empty for too long and before it
     * inserts the placeholder, i.e. in the window where a late recording may land first.
     */
    volatile Consumer<Long> beforeGap = rank -> {};

    InboundMessages(MongoTemplate mongo, Clock clock, PersonalData personalData,
                    @Value("${boussole.pipeline.gap-timeout:30s}") Duration gapTimeout) {
        if (gapTimeout.isNegative() || gapTimeout.isZero()) {
            throw new IllegalArgumentException("boussole.pipeline.gap-timeout must be positive, not " + gapTimeout);
        }
        this.mongo = mongo;
        this.clock = clock;
        this.gapTimeout = gapTimeout;
        this.personalData = personalData;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("channel", Sort.Direction.ASC)
                .on("providerMessageId", Sort.Direction.ASC).unique().named("dedup"));
        // unique, and queried by exact match only: the embedded store can use unique indexes only
        mongo.indexOps(COLLECTION).createIndex(new Index().on("conversation", Sort.Direction.ASC)
                .on("sequence", Sort.Direction.ASC).unique().named(ORDER_INDEX));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("status", Sort.Direction.ASC)
                .on("nextAttemptAt", Sort.Direction.ASC).named("due"));
    }

    public static String idOf(Channel channel, String providerMessageId) {
        return Ids.derived("in", channel.id(), providerMessageId);
    }

    /**
     * Records a message under a new rank of its conversation. When it returns true, the message is
     * stored at a rank that no placeholder can take any more, so it will be processed.
     *
     * @return false when this provider message is already recorded
     * @throws TransientDataAccessResourceException when every rank taken was given up before the message landed
     */
    public boolean insert(Inbound inbound, Instant now) {
        String id = idOf(inbound.conversation().channel(), inbound.providerMessageId());
        if (mongo.exists(Query.query(Criteria.where("_id").is(id)), COLLECTION)) {
            return false;
        }
        for (int attempt = 1; attempt <= MAX_RANKS_PER_RECORDING; attempt++) {
            // A crash after this step loses the rank: head() gives it up after gapTimeout.
            long sequence = nextSequence(inbound.conversation());
            afterRankTaken.accept(sequence);
            try {
                mongo.insert(document(id, inbound, sequence, now), COLLECTION);
                return true;
            } catch (DuplicateKeyException duplicate) {
                if (!rankTaken(duplicate)) {
                    // the same provider message raced us: fill the rank we took so that it holds nothing up
                    insertGap(inbound.conversation(), sequence, now);
                    return false;
                }
                // We came so late that head() gave our rank up: take a new one, behind what came meanwhile.
            }
        }
        // the store is so slow that every rank went stale before the insert landed: the channel answers 503
        throw new TransientDataAccessResourceException(
                "a message lost " + MAX_RANKS_PER_RECORDING + " ranks in a row to placeholders");
    }

    /** Whether the duplicate key is the rank's (a placeholder took it), not the provider id's. */
    private static boolean rankTaken(DuplicateKeyException duplicate) {
        String message = duplicate.getMessage();
        return message != null && message.contains(ORDER_INDEX);
    }

    private Document document(String id, Inbound inbound, long sequence, Instant now) {
        return new Document("_id", id)
                .append("channel", inbound.conversation().channel().id())
                .append("providerMessageId", inbound.providerMessageId())
                .append("conversation", ref(inbound.conversation()))
                .append("address", personalData.seal(inbound.conversation().address(), field(id, "address")))
                .append("sequence", sequence)
                .append("text", personalData.seal(inbound.text(), field(id, "text")))
                .append("choiceId", personalData.seal(inbound.choiceId(), field(id, "choiceId")))
                .append("sharedPhone", personalData.seal(inbound.sharedPhone(), field(id, "sharedPhone")))
                // how an erasure finds the conversations where this phone was shared (Telegram's contact button)
                .append("sharedPhoneLookup", personalData.lookupKey(inbound.sharedPhone()))
                .append("receivedAt", Date.from(inbound.receivedAt()))
                .append("acceptedAt", Date.from(now))
                .append("status", InboundStatus.PENDING.name())
                .append("attempts", 0)
                .append("nextAttemptAt", Date.from(now));
    }

    /** @return whether the placeholder went in (false: something already holds the rank) */
    private boolean insertGap(ConversationKey conversation, long sequence, Instant now) {
        String id = Ids.derived("gap", ref(conversation), Long.toString(sequence));
        try {
            // Its own (channel, provider id) pair: the unique "dedup" index is not sparse, so placeholders
            // without one would collide with each other and all but the first would be refused.
            mongo.insert(new Document("_id", id).append("channel", GAP).append("providerMessageId", id)
                    .append("conversation", ref(conversation)).append("sequence", sequence)
                    .append("status", GAP).append("acceptedAt", Date.from(now)), COLLECTION);
            return true;
        } catch (DuplicateKeyException alreadyFilled) {
            return false;
        }
    }

    private long nextSequence(ConversationKey conversation) {
        Date now = Date.from(clock.instant());
        // "taken" keeps when each of the last ranks was counted, in rank order: head() judges a rank's age by it
        Document counter = mongo.findAndModify(Query.query(Criteria.where("_id").is(ref(conversation))),
                new Update().inc("next", 1L).set("at", now).push("taken").slice(-RECENT_RANKS).each(now),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, SEQUENCES);
        return ((Number) counter.get("next")).longValue();
    }

    public Optional<InboundMessage> byId(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, COLLECTION)).map(this::fromDocument);
    }

    /**
     * The oldest message of the conversation not yet processed nor parked: the only one that may be
     * processed. Walks the ranks from the conversation's "done" mark with exact-match lookups (fast
     * on any store). An empty rank is a message being recorded right now: wait for it, unless the
     * rank is older than {@code gapTimeout}; then it was lost (a crash between counting and
     * inserting) or its recording is stalled: fill it with a placeholder. The unique (conversation,
     * rank) index lets only one of the placeholder and a late recording in; a recording that loses
     * takes a new rank (see {@link #insert}), so a placeholder never hides a recorded message.
     */
    public Optional<InboundMessage> head(ConversationKey conversation) {
        Document counter = mongo.findById(ref(conversation), Document.class, SEQUENCES);
        if (counter == null) {
            return Optional.empty();
        }
        long next = ((Number) counter.get("next")).longValue();
        long done = counter.get("done") == null ? 0 : ((Number) counter.get("done")).longValue();
        long contiguous = done;
        try {
            for (long rank = done + 1; rank <= next; rank++) {
                Document doc = atRank(conversation, rank);
                if (doc == null) {
                    if (!lostFor(rank, next, counter)) {
                        return Optional.empty();
                    }
                    beforeGap.accept(rank);
                    if (!insertGap(conversation, rank, clock.instant())) {
                        doc = atRank(conversation, rank); // the late recording landed first: it is the head
                    }
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
                mongo.updateFirst(Query.query(Criteria.where("_id").is(ref(conversation))),
                        new Update().max("done", contiguous), SEQUENCES);
            }
        }
    }

    private Document atRank(ConversationKey conversation, long rank) {
        return mongo.findOne(Query.query(Criteria.where("conversation").is(ref(conversation))
                .and("sequence").is(rank)), Document.class, COLLECTION);
    }

    /** Whether the empty rank was counted more than {@code gapTimeout} ago, whatever was counted after it. */
    private boolean lostFor(long rank, long next, Document counter) {
        return takenAt(rank, next, counter).plus(gapTimeout).isBefore(clock.instant());
    }

    /**
     * When the rank was counted: exact for the last {@code RECENT_RANKS} ranks, whose times the
     * counter keeps in order; for an older rank (or a counter written before the times were kept)
     * the oldest time known, which is later than the rank's, so a gap is never declared early.
     */
    private static Instant takenAt(long rank, long next, Document counter) {
        List<Date> taken = counter.getList("taken", Date.class, List.of());
        if (!taken.isEmpty()) {
            long oldestKept = next - taken.size() + 1;
            return taken.get((int) Math.max(0, rank - oldestKept)).toInstant();
        }
        return counter.getDate("at") == null ? Instant.EPOCH : counter.getDate("at").toInstant();
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
                personalData.open(doc.getString("address"), field(doc.getString("_id"), "address")));
    }

    /** Opens a sealed field of the document; an erased text is stored empty, which tells nothing and opens to itself. */
    private String open(Document doc, String name) {
        String value = doc.getString(name);
        return value == null || value.isEmpty() ? value : personalData.open(value, field(doc.getString("_id"), name));
    }

    /** Where a sealed value of an inbound message lives: its place, bound to the value. */
    public static SealedField field(String id, String name) {
        return SealedField.of(COLLECTION, id, name);
    }

    private InboundMessage fromDocument(Document doc) {
        ConversationKey key = keyOf(doc);
        Inbound inbound = new Inbound(doc.getString("providerMessageId"), key, open(doc, "text"),
                open(doc, "choiceId"), open(doc, "sharedPhone"), doc.getDate("receivedAt").toInstant());
        return new InboundMessage(doc.getString("_id"), ((Number) doc.get("sequence")).longValue(), inbound,
                ((Number) doc.get("attempts")).intValue(), doc.getDate("acceptedAt").toInstant(),
                doc.getDate("nextAttemptAt").toInstant(), InboundStatus.valueOf(doc.getString("status")));
    }
}
