package fr.boussole.pipeline.conversation;

import fr.boussole.core.conversation.ConversationState;
import fr.boussole.core.conversation.DialogEvent;
import fr.boussole.pipeline.sealed.SealedDocuments;
import fr.boussole.pipeline.writes.RetentionLists;
import fr.boussole.pipeline.writes.Unawaited;
import fr.boussole.core.privacy.SealedField;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.privacy.PersonalData;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Conversation documents: the engine's state, a version for optimistic concurrency, the last turn
 * (the inbound message it answers and its events) and the opt-out flag. Personal data at rest: the id
 * is {@code channel:lookupKey(address)}, the address is sealed in the document, and the state, the
 * turn's events and the offered choices are each one sealed value (nothing queries inside them).
 */
@Component
public class Conversations {

    static final String COLLECTION = "conversations";
    /** The field path of the last turn's sealed events. */
    static final String TURN_EVENTS = "lastTurn.events";

    private final MongoTemplate mongo;
    private final Unawaited unawaited;
    private final RetentionLists lists;
    private final SealedDocuments sealed;
    private final PersonalData personalData;

    Conversations(MongoTemplate mongo, SealedDocuments sealed) {
        this.mongo = mongo;
        this.unawaited = new Unawaited(mongo);
        this.lists = new RetentionLists(mongo, RetentionLists.CONVERSATION_LISTS);
        this.sealed = sealed;
        this.personalData = sealed.personalData();
        // key#version: the version condition as an exact match on a unique key (indexed on any store)
        mongo.indexOps(COLLECTION).createIndex(new org.springframework.data.mongodb.core.index.Index()
                .on("cas", org.springframework.data.domain.Sort.Direction.ASC).unique().named("cas"));
    }

    /** The stored conversation, or a fresh one (version 0, nothing stored yet). */
    public StoredConversation load(ConversationKey key) {
        Document doc = mongo.findById(ref(key), Document.class, COLLECTION);
        if (doc == null) {
            return new StoredConversation(key, 0, ConversationState.start(key), null, -1, List.of(), false, false, null, null);
        }
        String state = doc.getString("state");
        Document turn = doc.get("lastTurn", Document.class);
        boolean optedOut = Boolean.TRUE.equals(doc.getBoolean("optedOut"));
        SealedField at = field(doc.getString("_id"), "state");
        return new StoredConversation(key, ((Number) doc.get("version")).longValue(),
                state == null ? ConversationState.start(key) : ConversationState.fromStored(sealed.open(state, at)),
                turn == null ? null : turn.getString("inboundId"),
                turn == null ? -1 : ((Number) turn.get("sequence")).longValue(),
                turn == null ? List.of() : StoredEvents.read(sealed.open(turn.getString("events"), at.field(TURN_EVENTS))
                        .getList("events", Document.class)),
                optedOut,
                // a turn stored before this was kept: its flag before is unknown, the one after is the best guess
                turn == null || turn.getBoolean("optedOutBefore") == null ? optedOut : turn.getBoolean("optedOutBefore"),
                doc.getString("epoch"), doc.getString("listedIn"));
    }

    /**
     * Whether the conversation is still in the life a turn was stored in: false once it was erased
     * (its document gone, or forgotten by retention under a new epoch). Read by {@code _id}.
     */
    boolean stillIn(ConversationKey key, String epoch) {
        Query query = Query.query(Criteria.where("_id").is(ref(key)));
        query.fields().include("epoch");
        Document doc = mongo.findOne(query, Document.class, COLLECTION);
        return doc != null && java.util.Objects.equals(doc.getString("epoch"), epoch);
    }

    /**
     * Stores a turn's state and events in one atomic write, conditioned on the version read: the
     * only write that decides whether a turn happened. What follows from the events and must hold
     * whoever carries them out (the opt-out flag) is written with it, never afterwards. Not waited for
     * ({@link Unawaited}): nothing of the turn is told outside before a later write waited for its
     * durability (the message's "processed" mark, a sender's claim); lost in a crash, the turn is taken again.
     * <p>
     * The first turn of an hour lists the conversation under that hour for the retention job ({@link #listed}),
     * and the document names that list ({@code listedIn}); the list it named before loses it.
     *
     * @return the turn as stored, or null when another worker got there first
     */
    Applied applyTurn(StoredConversation before, ConversationState state, String inboundId, long sequence,
                      List<DialogEvent> events, Instant now) {
        boolean optedOut = StoredConversation.optedOutAfter(before.optedOut(), events);
        String ref = ref(before.key());
        String listedIn = listed(ref, before.listedIn(), now);
        Document turn = turn(ref, inboundId, sequence, now, StoredEvents.write(events)).append("optedOutBefore", before.optedOut());
        String offered = sealed.seal(new Document("offered", offeredChoices(events)), field(ref, "offered"));
        String sealedState = sealed.seal(new Document(state.toStored()), field(ref, "state"));
        Update update = new Update().set("state", sealedState).set("lastTurn", turn)
                .set("offered", offered).set("version", before.version() + 1).set("optedOut", optedOut)
                .set("cas", ref + "#" + (before.version() + 1)).set("updatedAt", Date.from(now))
                .set("listedIn", listedIn).unset("forgottenAt");
        String contactLookup = contactLookup(state);
        if (contactLookup == null) {
            update.unset("contactLookup");
        } else {
            update.set("contactLookup", contactLookup);
        }
        if (before.version() == 0) {
            String epoch = fr.boussole.core.ids.Ids.random("ep");
            try {
                unawaited.insert(COLLECTION, new Document("_id", ref).append("address", personalData.seal(before.key().address(), field(ref, "address")))
                        .append("version", 1L).append("cas", ref + "#1").append("epoch", epoch).append("optedOut", optedOut)
                        .append("state", sealedState).append("lastTurn", turn).append("offered", offered)
                        .append("updatedAt", Date.from(now)).append("listedIn", listedIn).append("contactLookup", contactLookup));
                return new Applied(epoch);
            } catch (org.springframework.dao.DuplicateKeyException lost) {
                return null;
            }
        }
        boolean applied = unawaited.updateOne(COLLECTION, new Document("cas", ref + "#" + before.version()), update.getUpdateObject());
        if (applied && before.listedIn() != null && !before.listedIn().equals(listedIn)) {
            // its earlier listing goes, so that a conversation stays in one list; after the turn's write, never before:
            // lost with it, the conversation keeps the listing its document names
            unawaited.updateOne(RetentionLists.CONVERSATION_LISTS, new Document("_id", before.listedIn()),
                    new Document("$pull", new Document(RetentionLists.CONVERSATION, ref)));
        }
        return applied ? new Applied(before.epoch()) : null;
    }

    /**
     * Where the retention job will find the conversation ({@code conversation_lists}): listed under the hour of
     * {@code now} unless a turn of this hour listed it already, so at most once an hour, whatever the traffic. Not
     * waited for ({@link RetentionLists}): written just before the turn's own write, which the message's waited
     * "processed" mark makes durable with it. A turn whose write then loses leaves a listing that the job drops.
     *
     * @return the list the conversation is listed in now
     */
    private String listed(String ref, String listedIn, Instant now) {
        if (listedIn != null && !RetentionLists.hourOfList(listedIn).isBefore(RetentionLists.hourOf(now))) {
            return listedIn;
        }
        return lists.list(Map.of(RetentionLists.CONVERSATION, List.of(ref)), now);
    }

    /** A turn stored: the epoch of the conversation it was stored in (null for a conversation older than epochs). */
    record Applied(String epoch) {}

    /** The last turn: which message it answers, in clear (the pipeline's bookkeeping); its events sealed. */
    private Document turn(String ref, String inboundId, long sequence, Instant now, List<Document> events) {
        return new Document("inboundId", inboundId).append("sequence", sequence)
                .append("at", Date.from(now)).append("events", sealed.seal(new Document("events", events), field(ref, TURN_EVENTS)));
    }

    /** Where a conversation document's sealed value lives: its place, bound to the value. */
    public static SealedField field(String ref, String name) {
        return SealedField.of(COLLECTION, ref, name);
    }

    /**
     * The keyed hash of the phone or email typed at the contact step, if any: how an erasure or an
     * access request finds a conversation that has no request yet (the state itself is sealed).
     */
    private String contactLookup(ConversationState state) {
        return state.contactAddress().map(personalData::lookupKey).orElse(null);
    }

    /** The document id: the channel and the keyed hash of the address, which is sealed in the document. */
    public String ref(ConversationKey key) {
        return personalData.conversationRef(key);
    }

    /** The choices of the last turn's replies, so that a tap (which carries only an id) gets its label. */
    private static List<Document> offeredChoices(List<DialogEvent> events) {
        return events.stream().filter(DialogEvent.Reply.class::isInstance)
                .flatMap(e -> ((DialogEvent.Reply) e).message().choices().stream())
                .map(c -> new Document("id", c.id()).append("label", c.label())).toList();
    }

    /** The label of a choice offered by the last turn, or null. */
    public String offeredLabel(ConversationKey key, String choiceId) {
        Query query = Query.query(Criteria.where("_id").is(ref(key)));
        query.fields().include("offered");
        Document doc = mongo.findOne(query, Document.class, COLLECTION);
        if (doc == null || doc.getString("offered") == null) {
            return null;
        }
        return sealed.open(doc.getString("offered"), field(doc.getString("_id"), "offered"))
                .getList("offered", Document.class, List.of()).stream()
                .filter(c -> choiceId.equals(c.getString("id"))).map(c -> c.getString("label")).findFirst().orElse(null);
    }

    /** The conversation's key: its channel from the id, its address opened from the document (by {@code _id}). */
    ConversationKey keyOf(Document doc) {
        String id = doc.getString("_id");
        return new ConversationKey(Channel.valueOf(id.substring(0, id.indexOf(':')).toUpperCase(Locale.ROOT)),
                personalData.open(doc.getString("address"), field(id, "address")));
    }

    /**
     * Retention: the conversation starts afresh, its answers and last replies gone. Conditioned on
     * the version read, like a turn, so that a message arriving meanwhile wins and nothing is lost.
     * The opt-out flag stays: it is the young person's will, not their data.
     */
    boolean forget(StoredConversation before, Instant now) {
        String key = ref(before.key());
        Document turn = turn(key, before.lastInboundId(), before.lastSequence(), now, List.of());
        Update update = new Update().set("state", sealed.seal(new Document(ConversationState.start(before.key()).toStored()),
                        field(key, "state")))
                .set("lastTurn", turn).set("offered", sealed.seal(new Document("offered", List.of()), field(key, "offered")))
                .set("version", before.version() + 1).set("epoch", fr.boussole.core.ids.Ids.random("ep"))
                .set("cas", key + "#" + (before.version() + 1)).set("forgottenAt", Date.from(now))
                .unset("listedIn"); // its listing goes with this run: the next turn lists it again
        return mongo.updateFirst(Query.query(Criteria.where("cas").is(key + "#" + before.version())), update, COLLECTION)
                .getModifiedCount() == 1;
    }
}
