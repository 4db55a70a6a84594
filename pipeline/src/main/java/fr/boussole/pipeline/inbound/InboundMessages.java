package fr.boussole.pipeline.inbound;

import fr.boussole.core.ids.Ids;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.message.Inbound;
import fr.boussole.core.privacy.PersonalData;
import fr.boussole.core.privacy.SealedField;
import fr.boussole.core.privacy.SealingException;
import fr.boussole.pipeline.PipelineProperties;
import fr.boussole.pipeline.writes.RetentionLists;
import fr.boussole.pipeline.writes.Unawaited;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.data.domain.Sort;
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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The inbound messages collection. One document per (channel, provider message id), so that a
 * provider's redelivery is a duplicate (once pruned, its key stays in {@code inbound_seen}). Live
 * work is kept apart, in {@code inbound_due}: one small document per conversation that has a message
 * to process, which is all the poll reads; everything else is found by {@code _id} or by the unique
 * (conversation, rank) index, so the cost of a message does not grow with the history. Every status
 * change of a message is fenced by its {@code cas} key ({@code id#attempts} while pending): a worker
 * that lost the conversation and comes late changes nothing. Personal data at rest: the conversation
 * is named by {@link #ref}, its address, the text, the choice and a shared phone are sealed.
 */
@Component
public class InboundMessages {

    private static final Logger log = LoggerFactory.getLogger(InboundMessages.class);

    static final String COLLECTION = "inbound_messages";
    static final String SEQUENCES = "inbound_sequences";
    /** Live work: a document per conversation with a message to process (its id is the conversation's ref). */
    static final String DUE = "inbound_due";
    /** Keys of pruned messages: a redelivery long after is still a duplicate. */
    static final String SEEN = "inbound_seen";
    /**
     * The status of a placeholder that fills a rank holding no message: one taken by a message that
     * turned out to be a duplicate, or one given up by {@link #head} after {@code gapTimeout}.
     */
    static final String GAP = "GAP";
    /** The unique (conversation, rank) index: the arbiter between a placeholder and a late recording. */
    static final String ORDER_INDEX = "conversation_order";
    /**
     * A counter's incarnation: drawn when the counter is made, and the key through which its "done" mark moves. An
     * erasure removes a conversation's counter and the next recording makes a new one, counting from 1 again: a
     * worker paused past its lease, waking up with a rank of the old counter, would otherwise mark that many ranks of
     * the new one done, pending or not (issue 12: the new messages skipped for good, or taken out of order).
     */
    static final String INCARNATION = "incarnation";
    /** How many of the last ranks' counting times a conversation's counter keeps. */
    private static final int RECENT_RANKS = 32;
    /** Ranks taken in a row by one recording, each lost to a placeholder, before it gives up (and the channel answers 503). */
    private static final int MAX_RANKS_PER_RECORDING = 5;

    private final MongoTemplate mongo;
    private final Unawaited unawaited;
    private final RetentionLists lists;
    private final Clock clock;
    private final Duration gapTimeout;
    private final PersonalData personalData;
    private final MeterRegistry meters;
    /**
     * Test seam: runs in {@link #record} between taking a rank and inserting the message, i.e. in
     * the window where a crash loses the rank or a stall makes the recording late.
     */
    volatile Consumer<Long> afterRankTaken = rank -> {};
    /**
     * Test seam: runs in {@link #head} after it found a rank empty for too long and before it
     * inserts the placeholder, i.e. in the window where a late recording may land first.
     */
    volatile Consumer<Long> beforeGap = rank -> {};

    InboundMessages(MongoTemplate mongo, Clock clock, PersonalData personalData, Duration gapTimeout) {
        this(mongo, clock, personalData, gapTimeout, new SimpleMeterRegistry());
    }

    @Autowired
    InboundMessages(MongoTemplate mongo, Clock clock, PersonalData personalData, PipelineProperties settings,
                    MeterRegistry meters) {
        this(mongo, clock, personalData, settings.gapTimeout(), meters);
    }

    private InboundMessages(MongoTemplate mongo, Clock clock, PersonalData personalData, Duration gapTimeout,
                            MeterRegistry meters) {
        this.mongo = mongo;
        this.unawaited = new Unawaited(mongo);
        this.lists = new RetentionLists(mongo);
        this.clock = clock;
        this.gapTimeout = gapTimeout;
        this.personalData = personalData;
        this.meters = meters;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("channel", Sort.Direction.ASC)
                .on("providerMessageId", Sort.Direction.ASC).unique().named("dedup"));
        // unique, and queried by exact match only: the embedded store can use unique indexes only
        mongo.indexOps(COLLECTION).createIndex(new Index().on("conversation", Sort.Direction.ASC)
                .on("sequence", Sort.Direction.ASC).unique().named(ORDER_INDEX));
        // unique by its _id already: lets the embedded store answer an exact match on (_id, next) through an index,
        // the erasure's removal of a counter conditioned on the count it read (without it: a walk of every counter)
        mongo.indexOps(SEQUENCES).createIndex(new Index().on("_id", Sort.Direction.ASC).on("next", Sort.Direction.ASC)
                .unique().named("counter_at"));
        // id#attempts while pending: the fence of every status change (sparse: documents written before it have none)
        mongo.indexOps(COLLECTION).createIndex(new Index().on("cas", Sort.Direction.ASC).unique().sparse().named("cas"));
        // a counter's incarnation: its "done" mark is moved only through it (sparse: counters made before it have none)
        mongo.indexOps(SEQUENCES).createIndex(new Index().on(INCARNATION, Sort.Direction.ASC).unique().sparse()
                .named(INCARNATION));
    }

    /**
     * Whether a document has this id, read through the {@code _id} index (MongoTemplate.exists counts
     * through an aggregation, which the embedded store answers by scanning the collection).
     */
    private boolean present(String id, String collection) {
        Query query = Query.query(Criteria.where("_id").is(id));
        query.fields().include("_id");
        return mongo.findOne(query, Document.class, collection) != null;
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
        return record(inbound, now).isPresent();
    }

    /**
     * A message just recorded.
     *
     * @param rank its rank in its conversation
     * @param head whether every rank before it was done when it was counted (by the counter's "done" mark, read with
     *             the count): while it is pending it is then the head, since a rank once done stays done
     * @param counter the incarnation of the counter that gave the rank; null for a counter made before incarnations
     */
    public record Recorded(String id, long rank, boolean head, String counter) {}

    /**
     * {@link #insert}, telling where the message went.
     *
     * @return empty when this provider message is already recorded
     */
    public Optional<Recorded> record(Inbound inbound, Instant now) {
        String id = idOf(inbound.conversation().channel(), inbound.providerMessageId());
        // one already recorded is refused by the insert itself (its _id), which then fills the rank it took;
        // one pruned since is known by its key alone
        if (present(id, SEEN)) {
            return Optional.empty();
        }
        for (int attempt = 1; attempt <= MAX_RANKS_PER_RECORDING; attempt++) {
            // A crash after this step loses the rank: head() gives it up after gapTimeout.
            String incarnation = Ids.random("counter");
            Document before = count(inbound.conversation(), incarnation);
            long sequence = before == null ? 1 : nextOf(before) + 1;
            boolean head = sequence - 1 <= (before == null ? 0 : doneOf(before));
            afterRankTaken.accept(sequence);
            try {
                // listed before the insert, which waits for durability and so covers the listing too
                due(inbound.conversation(), now);
                mongo.insert(document(id, inbound, sequence, now), COLLECTION);
                return Optional.of(new Recorded(id, sequence, head,
                        before == null ? incarnation : before.getString(INCARNATION)));
            } catch (DuplicateKeyException duplicate) {
                if (!rankTaken(duplicate)) {
                    // the same provider message raced us: fill the rank we took so that it holds nothing up
                    insertGap(inbound.conversation(), sequence, now);
                    return Optional.empty();
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
                .append("cas", id + "#0")
                .append("nextAttemptAt", Date.from(now));
    }

    /**
     * Lists the conversation as having work due at {@code at} at the latest (an earlier time already
     * there stays): what the poll of every instance reads.
     */
    private void due(ConversationKey conversation, Instant at) {
        unawaited.upsert(DUE, new Document("_id", ref(conversation)), dueListing(conversation, at).getUpdateObject());
    }

    private Update dueListing(ConversationKey conversation, Instant at) {
        String ref = ref(conversation);
        return new Update().set("channel", conversation.channel().id())
                .setOnInsert("address", personalData.seal(conversation.address(), dueField(ref)))
                .min("at", Date.from(at));
    }

    /**
     * The conversation has nothing left to process: it leaves the live work, unless a message was
     * counted meanwhile (then it stays, or comes back). Removing first and looking after means a
     * recording that races this is never left out: either its rank is seen here or its own listing
     * comes after the removal. That one read of the counter, after the removal, also tells the caller
     * whether to drain again.
     *
     * @return whether a message was counted and is not done: the conversation is listed again. A caller whose
     *         last walk of the ranks found every counted rank done drains it again at once: that message was
     *         counted after the walk, and its wake-up may have found the lease taken
     */
    public boolean settled(ConversationKey conversation) {
        String ref = ref(conversation);
        unawaited.deleteOne(DUE, new Document("_id", ref));
        Document counter = mongo.findById(ref, Document.class, SEQUENCES);
        long next = counter == null ? 0 : ((Number) counter.get("next")).longValue();
        long done = counter == null || counter.get("done") == null ? 0 : ((Number) counter.get("done")).longValue();
        if (next > done) {
            // waited for, unlike the other listings: no later write of this message's own covers it
            mongo.upsert(Query.query(Criteria.where("_id").is(ref)), dueListing(conversation, clock.instant()), DUE);
            return true;
        }
        return false;
    }

    /**
     * Lists again the conversations a crash left out of the live work. {@link #settled} removes a listing and
     * then lists the conversation again if a message was counted meanwhile; a crash between the two, once that
     * message's own commit has made the removal durable, leaves an acknowledged message pending with no listing,
     * which no poll would find before the conversation's next message. Walks the counters (one per conversation)
     * once, when processing starts; a conversation whose pending message cannot be opened is left to the key.
     *
     * @return how many conversations were listed again
     */
    public int relistForgotten(Instant now) {
        int listed = 0;
        for (Document counter : mongo.findAll(Document.class, SEQUENCES)) {
            long next = counter.get("next") == null ? 0 : ((Number) counter.get("next")).longValue();
            long done = counter.get("done") == null ? 0 : ((Number) counter.get("done")).longValue();
            String ref = counter.getString("_id");
            if (next <= done || mongo.findById(ref, Document.class, DUE) != null) {
                continue;
            }
            Optional<ConversationKey> pending = firstPending(ref, done, next);
            if (pending.isPresent()) {
                mongo.upsert(Query.query(Criteria.where("_id").is(ref)), dueListing(pending.get(), now), DUE);
                listed++;
            }
        }
        if (listed > 0) {
            log.warn("{} conversation(s) with a pending message were missing from the live work (a crash while"
                    + " settling them): listed again", listed);
        }
        return listed;
    }

    private Optional<ConversationKey> firstPending(String ref, long done, long next) {
        for (long rank = done + 1; rank <= next; rank++) {
            Document doc = mongo.findOne(Query.query(Criteria.where("conversation").is(ref).and("sequence").is(rank)),
                    Document.class, COLLECTION);
            if (doc != null && !GAP.equals(doc.getString("channel"))
                    && InboundStatus.PENDING.name().equals(doc.getString("status"))) {
                try {
                    return Optional.of(keyOf(doc, field(doc.getString("_id"), "address")));
                } catch (SealingException unreadable) {
                    return Optional.empty(); // a key not given to this instance yet: one that has it lists it when it starts
                }
            }
        }
        return Optional.empty();
    }

    /** @return whether the placeholder went in (false: something already holds the rank) */
    private boolean insertGap(ConversationKey conversation, long sequence, Instant now) {
        String id = Ids.derived("gap", ref(conversation), Long.toString(sequence));
        // listed for the retention job first: the insert, which waits, covers the listing
        lists.list(Map.of(RetentionLists.INBOUND, List.of(id)), now);
        try {
            // Its own (channel, provider id) pair: the unique "dedup" index is not sparse, so placeholders
            // without one would collide with each other and all but the first would be refused.
            mongo.insert(new Document("_id", id).append("channel", GAP).append("providerMessageId", id)
                    .append("conversation", ref(conversation)).append("sequence", sequence)
                    .append("status", GAP).append("cas", id + "#gap").append("acceptedAt", Date.from(now)), COLLECTION);
            return true;
        } catch (DuplicateKeyException alreadyFilled) {
            return false;
        }
    }

    /**
     * Counts a new rank: the counter as it was before (null when this made it, with that incarnation), its "done"
     * mark with it.
     */
    private Document count(ConversationKey conversation, String incarnation) {
        Date now = Date.from(clock.instant());
        // "taken" keeps when each of the last ranks was counted, in rank order: head() judges a rank's age by it.
        // Not waited for: the message's insert, after it, is (a rank lost in a crash is a gap, see head()).
        // read before the increment: see Unawaited#upsertAndGetBefore (the value after it could be another's)
        return unawaited.upsertAndGetBefore(SEQUENCES, new Document("_id", ref(conversation)),
                new Document("$inc", new Document("next", 1L)).append("$set", new Document("at", now))
                        .append("$setOnInsert", new Document(INCARNATION, incarnation))
                        .append("$push", new Document("taken", new Document("$each", List.of(now)).append("$slice", -RECENT_RANKS))));
    }

    /** The message's status alone (read by {@code _id}); empty when there is no such message. */
    public Optional<InboundStatus> statusOf(String id) {
        Query query = Query.query(Criteria.where("_id").is(id));
        query.fields().include("status");
        Document doc = mongo.findOne(query, Document.class, COLLECTION);
        return doc == null ? Optional.empty() : Optional.of(InboundStatus.valueOf(doc.getString("status")));
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
        return look(conversation, 0, null).head();
    }

    /**
     * What a walk of a conversation's ranks found.
     *
     * @param head    its oldest pending message (see {@link #head}), if any
     * @param counted the ranks its counter had counted when read (when the head was read at its rank alone, its rank)
     * @param done    the ranks done after the walk: every rank up to it is processed, parked, erased or a gap
     * @param counter the incarnation of the counter read (null: none, or one made before incarnations): the one to
     *                give back to {@link #look(ConversationKey, long, String)} with the head's rank once processed
     */
    public record Look(Optional<InboundMessage> head, long counted, long done, String counter) {

        /** Whether the walk stopped at a rank counted but still empty (a recording under way, not yet given up). */
        public boolean waiting() {
            return head.isEmpty() && done < counted;
        }
    }

    /**
     * {@link #head}, with what the walk found.
     *
     * @param doneUpTo a rank the caller knows is no longer pending (it just processed the message there, which
     *                 was the head then, so every rank before it was done too): marked done and the counter read in
     *                 one command, not read again
     * @param counter  the incarnation of the counter that rank came from ({@link Look#counter}): the mark is made
     *                 through it, so that it never lands on a counter made since (an erasure removed that one while
     *                 the caller, past its lease, was paused); then nothing is marked and the counter is read
     */
    public Look look(ConversationKey conversation, long doneUpTo, String counter) {
        String ref = ref(conversation);
        Document read = null;
        long done = 0;
        if (doneUpTo > 0 && counter != null) {
            // the counter as it was before the mark (as every read-and-write of it: see Unawaited#upsertAndGetBefore);
            // a mark lost in a crash costs a longer walk, nothing else
            read = unawaited.findAndUpdate(SEQUENCES, new Document(INCARNATION, counter),
                    new Document("$max", new Document("done", doneUpTo)));
            done = read == null ? 0 : Math.max(doneOf(read), doneUpTo);
        }
        if (read == null) {
            read = mongo.findById(ref, Document.class, SEQUENCES);
            if (read == null) {
                return new Look(Optional.empty(), 0, 0, null);
            }
            done = doneOf(read);
        }
        String incarnation = read.getString(INCARNATION);
        if (incarnation == null) {
            // made before incarnations: given one now (by _id: were it made again meanwhile, the new counter's own
            // incarnation is replaced, and a mark given with that one only finds nothing and reads the counter)
            incarnation = Ids.random("counter");
            unawaited.updateOne(SEQUENCES, new Document("_id", ref), new Document("$set", new Document(INCARNATION, incarnation)));
        }
        long next = nextOf(read);
        long contiguous = done;
        try {
            for (long rank = done + 1; rank <= next; rank++) {
                Document doc = atRank(conversation, rank);
                if (doc == null) {
                    if (!lostFor(rank, next, read)) {
                        return new Look(Optional.empty(), next, contiguous, incarnation);
                    }
                    beforeGap.accept(rank);
                    if (!insertGap(conversation, rank, clock.instant())) {
                        doc = atRank(conversation, rank); // the late recording landed first: it is the head
                    }
                }
                if (doc != null && InboundStatus.PENDING.name().equals(doc.getString("status"))) {
                    try {
                        return new Look(Optional.of(fromDocument(doc)), next, contiguous, incarnation);
                    } catch (SealingException unreadable) {
                        parkUnreadable(doc); // and the conversation goes on with its next message
                    }
                }
                if (contiguous == rank - 1) {
                    contiguous = rank;
                }
            }
            return new Look(Optional.empty(), next, contiguous, incarnation);
        } finally {
            if (contiguous > done) {
                // through the incarnation read, as above; a mark lost in a crash costs a longer walk, nothing else
                unawaited.updateOne(SEQUENCES, new Document(INCARNATION, incarnation),
                        new Document("$max", new Document("done", contiguous)));
            }
        }
    }

    /**
     * {@link #head}, for a message this instance recorded as the head ({@link Recorded#head}): read at its rank alone,
     * without the counter. Still pending there, it is still the head; otherwise (processed meanwhile, erased, not
     * readable here) the ranks are walked as {@link #look(ConversationKey, long)} does.
     */
    public Look look(ConversationKey conversation, Recorded recorded) {
        Document doc = atRank(conversation, recorded.rank());
        if (doc != null && recorded.id().equals(doc.getString("_id"))
                && InboundStatus.PENDING.name().equals(doc.getString("status"))) {
            try {
                return new Look(Optional.of(fromDocument(doc)), recorded.rank(), recorded.rank() - 1, recorded.counter());
            } catch (SealingException unreadable) {
                // the walk parks it
            }
        }
        return look(conversation, 0, null);
    }

    private static long nextOf(Document counter) {
        return counter.get("next") == null ? 0 : ((Number) counter.get("next")).longValue();
    }

    private static long doneOf(Document counter) {
        return counter.get("done") == null ? 0 : ((Number) counter.get("done")).longValue();
    }

    private Document atRank(ConversationKey conversation, long rank) {
        return mongo.findOne(Query.query(Criteria.where("conversation").is(ref(conversation))
                .and("sequence").is(rank)), Document.class, COLLECTION);
    }

    /**
     * A message that cannot be opened (sealed under a key this instance does not have, or altered):
     * parked, with an ERROR line and a metric to alert on, so that it holds up neither its
     * conversation nor anyone else. Once the key is given, an operator can put it back to pending.
     */
    private void parkUnreadable(Document doc) {
        String id = doc.getString("_id");
        Object attempts = doc.get("attempts");
        String cas = doc.getString("cas") != null ? doc.getString("cas") : null;
        Update park = new Update().set("status", InboundStatus.PARKED.name()).set("parkedAt", Date.from(clock.instant()))
                .set("parkedFor", "unreadable").set("cas", id + "#parked");
        lists.list(Map.of(RetentionLists.INBOUND, List.of(id)), clock.instant());
        boolean parked = cas != null
                ? mongo.updateFirst(Query.query(Criteria.where("cas").is(cas)), park, COLLECTION).getModifiedCount() == 1
                : mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), park, COLLECTION).getModifiedCount() == 1;
        if (parked) {
            meters.counter("boussole.processing.unreadable").increment();
            log.error("inbound {} parked: it cannot be opened (sealed under a key not given to this instance?), attempts {}",
                    id, attempts);
        }
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

    /**
     * Conversations that have a message due for processing (another instance may have left it), read
     * from {@code inbound_due}, which holds only those. One whose address cannot be opened (sealed
     * under a key this instance does not have yet) is set aside in {@code unreadable}: it holds up no one.
     */
    public Set<ConversationKey> conversationsWithDueWork(Instant now, int limit, Consumer<String> unreadable) {
        Query query = Query.query(Criteria.where("at").lte(Date.from(now))).limit(limit);
        Set<ConversationKey> keys = new LinkedHashSet<>();
        for (Document doc : mongo.find(query, Document.class, DUE)) {
            try {
                keys.add(keyOf(doc, dueField(doc.getString("_id"))));
            } catch (SealingException e) {
                unreadable.accept(doc.getString("_id"));
            }
        }
        return keys;
    }

    /** Puts a conversation that cannot be read back in the live work no sooner than {@code at}. */
    public void dueAgainAt(String conversationRef, Instant at) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(conversationRef)), new Update().set("at", Date.from(at)), DUE);
    }

    /**
     * @param replyIds the outbox ids of the turn's replies, in order: the web chat returns them
     * @return false when the message was no longer as read (another worker got there first)
     */
    public boolean markProcessed(InboundMessage message, List<String> replyIds, Instant now) {
        // the message and its replies listed for the retention job in one write, which the mark (waited for) covers
        lists.list(Map.of(RetentionLists.INBOUND, List.of(message.id()), RetentionLists.OUTBOX, replyIds), now);
        return fenced(message, new Update().set("status", InboundStatus.PROCESSED.name()).set("processedAt", Date.from(now))
                .set("replies", replyIds).set("cas", message.id() + "#done"));
    }

    public List<String> replyIds(String id) {
        Query query = Query.query(Criteria.where("_id").is(id));
        query.fields().include("replies");
        Document doc = mongo.findOne(query, Document.class, COLLECTION);
        return doc == null ? List.of() : doc.getList("replies", String.class, List.of());
    }

    public boolean retryLater(InboundMessage message, int attempts, Instant nextAttemptAt) {
        boolean recorded = fenced(message, new Update().set("attempts", attempts).set("nextAttemptAt", Date.from(nextAttemptAt))
                .set("cas", message.id() + "#" + attempts));
        if (recorded) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(ref(message.conversation()))),
                    new Update().set("at", Date.from(nextAttemptAt)), DUE);
        }
        return recorded;
    }

    public boolean park(InboundMessage message, int attempts, String reason, Instant now) {
        lists.list(Map.of(RetentionLists.INBOUND, List.of(message.id())), now);
        return fenced(message, new Update().set("attempts", attempts).set("status", InboundStatus.PARKED.name())
                .set("parkedAt", Date.from(now)).set("parkedFor", reason).set("cas", message.id() + "#parked"));
    }

    /** One write conditioned on the message being pending with the attempts read ({@code cas}). */
    private boolean fenced(InboundMessage message, Update update) {
        return mongo.updateFirst(Query.query(Criteria.where("cas").is(message.id() + "#" + message.attempts())),
                update, COLLECTION).getModifiedCount() == 1;
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

    private ConversationKey keyOf(Document doc, SealedField address) {
        return new ConversationKey(Channel.valueOf(doc.getString("channel").toUpperCase(Locale.ROOT)),
                personalData.open(doc.getString("address"), address));
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

    /** Where the address of a conversation with work due lives ({@code inbound_due}, by conversation ref). */
    public static SealedField dueField(String conversationRef) {
        return SealedField.of(DUE, conversationRef, "address");
    }

    private InboundMessage fromDocument(Document doc) {
        ConversationKey key = keyOf(doc, field(doc.getString("_id"), "address"));
        Inbound inbound = new Inbound(doc.getString("providerMessageId"), key, open(doc, "text"),
                open(doc, "choiceId"), open(doc, "sharedPhone"), doc.getDate("receivedAt").toInstant());
        return new InboundMessage(doc.getString("_id"), ((Number) doc.get("sequence")).longValue(), inbound,
                ((Number) doc.get("attempts")).intValue(), doc.getDate("acceptedAt").toInstant(),
                doc.getDate("nextAttemptAt").toInstant(), InboundStatus.valueOf(doc.getString("status")));
    }
}
