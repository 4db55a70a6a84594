package fr.boussole.pipeline.rights;

import fr.boussole.core.ids.Ids;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.pipeline.outbox.MongoOutbox;
import fr.boussole.pipeline.writes.OneOffSteps;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static fr.boussole.pipeline.rights.ConversationLookups.INBOUND;
import static fr.boussole.pipeline.rights.ConversationLookups.OUTBOX;
import static fr.boussole.pipeline.rights.ConversationLookups.SEQUENCES;

/**
 * Where the data rights find a conversation's messages and deliveries without looking for them: never
 * by a query on {@code conversation}, which the embedded store (it uses unique indexes only) answers by
 * walking the whole history while holding the collection, once for each conversation erased.
 * <ul>
 *   <li>Its messages, rank by rank, from 1 to its counter ({@code inbound_sequences}, by {@code _id}),
 *       through the unique (conversation, rank) index: every message is recorded under a rank of its
 *       conversation, and a rank found empty was pruned, given up, or is being recorded now.</li>
 *   <li>The deliveries answering a message, by {@code _id}: those its "processed" mark names; for a message not
 *       processed, every id a reply to it can have: a reply's id is derived from the message's id and its slot in
 *       the turn ({@code Ids.derived("ob", message, slot)}, slots below {@link MongoOutbox#SLOTS_PER_MESSAGE}), so
 *       one query on {@code _id} with the candidate ids finds them, whether the turn ended or not.</li>
 *   <li>The deliveries that outlived the message they answer (pruned first: the limits differ, or the reply
 *       came after the cutoff): listed by conversation, as the message goes, in {@value #ORPHANS}
 *       ({@code _id} = the conversation's ref). Deliveries stored before this list existed are listed once by a
 *       walk of the retention job ({@link MessageRetention}, marked {@value #ORPHANS_LISTED} in
 *       {@code pipeline_migrations}); until then, the deliveries are found by the query this replaces.</li>
 * </ul>
 * Every step is an exact match on {@code _id} or a unique index: the cost of a conversation is its own
 * messages, whatever the store holds.
 */
@Component
class ConversationRecords {

    /** Deliveries whose message is gone, by conversation: {@code {_id: ref, ids: [outbox ids]}}. */
    static final String ORPHANS = "outbox_orphans";
    /** The marker of the one walk that listed the deliveries whose message was pruned before {@value #ORPHANS} existed. */
    static final String ORPHANS_LISTED = "outbox-orphans";

    private final MongoTemplate mongo;
    private final ConversationLookups lookups;
    private final OneOffSteps steps;
    private volatile boolean orphansListed;

    ConversationRecords(MongoTemplate mongo, ConversationLookups lookups) {
        this.mongo = mongo;
        this.lookups = lookups;
        this.steps = new OneOffSteps(mongo);
    }

    /** The conversation's counter ({@code next}: the last rank counted; {@code done}: every rank up to it handled), or null. */
    Document counter(ConversationKey key) {
        return mongo.findOne(lookups.byId(key), Document.class, SEQUENCES);
    }

    static long counted(Document counter) {
        return counter == null || counter.get("next") == null ? 0 : ((Number) counter.get("next")).longValue();
    }

    /** The message at this rank of the conversation (id, rank, status, fence), or null. */
    Document atRank(ConversationKey key, long rank) {
        Query atRank = Query.query(Criteria.where("conversation").is(lookups.stored(key)).and("sequence").is(rank));
        atRank.fields().include("_id").include("sequence").include("status").include("cas").include("replies");
        return mongo.findOne(atRank, Document.class, INBOUND);
    }

    /** The ranks in [{@code from}, {@code to}] that hold a message of the conversation, and the ranks that hold none. */
    Ranks ranks(ConversationKey key, long from, long to) {
        List<Document> found = new ArrayList<>();
        List<Long> empty = new ArrayList<>();
        for (long rank = Math.max(1, from); rank <= to; rank++) {
            Document message = atRank(key, rank);
            if (message == null) {
                empty.add(rank);
            } else {
                found.add(message);
            }
        }
        return new Ranks(found, empty);
    }

    /** Messages found rank by rank, and the ranks found empty. */
    record Ranks(List<Document> messages, List<Long> empty) {}

    /**
     * The deliveries of the conversation answering these messages, and those that outlived their message,
     * each with its id, rank ({@code sequence}) and status.
     */
    List<Document> deliveries(ConversationKey key, Collection<Document> messages) {
        if (!orphansListed()) {
            // before the one walk that lists the orphans: the query it replaces, which walks the outbox
            Query all = lookups.outboxOf(key);
            all.fields().include("_id").include("sequence").include("status");
            return mongo.find(all, Document.class, OUTBOX);
        }
        List<String> orphans = orphans(key);
        Set<String> ids = new LinkedHashSet<>(orphans);
        List<String> candidates = new ArrayList<>();
        for (Document message : messages) {
            candidates.addAll(replyCandidates(message));
        }
        ids.addAll(existing(candidates));
        if (ids.isEmpty()) {
            return List.of();
        }
        Query byIds = Query.query(Criteria.where("_id").in(ids));
        byIds.fields().include("_id").include("sequence").include("status");
        List<Document> found = mongo.find(byIds, Document.class, OUTBOX);
        dropGone(key, orphans, found.stream().map(d -> d.getString("_id")).collect(java.util.stream.Collectors.toSet()));
        return found;
    }

    /**
     * The ids the replies to this message may have: those its "processed" mark names (the turn's replies, the same
     * ids on every replay of the turn, which is stored before them), else every id a reply can have, one per slot
     * of its turn (a message not processed, or processed before the mark named them, may have some).
     */
    static List<String> replyCandidates(Document message) {
        if ("PROCESSED".equals(message.getString("status")) && message.get("replies") instanceof List<?>) {
            return message.getList("replies", String.class);
        }
        return replyCandidates(message.getString("_id"));
    }

    /** Every id a reply to this message can have, one per slot of its turn. */
    static List<String> replyCandidates(String messageId) {
        List<String> ids = new ArrayList<>((int) MongoOutbox.SLOTS_PER_MESSAGE);
        for (int slot = 0; slot < MongoOutbox.SLOTS_PER_MESSAGE; slot++) {
            ids.add(Ids.derived("ob", messageId, Integer.toString(slot)));
        }
        return ids;
    }

    /** Which of these outbox ids are stored: one query on {@code _id}, which examines only those found. */
    List<String> existing(Collection<String> ids) {
        return existing(mongo, ids);
    }

    static List<String> existing(MongoTemplate mongo, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Query byIds = Query.query(Criteria.where("_id").in(ids));
        byIds.fields().include("_id");
        return mongo.find(byIds, Document.class, OUTBOX).stream().map(d -> d.getString("_id")).toList();
    }

    /** The deliveries listed as having outlived their message. */
    List<String> orphans(ConversationKey key) {
        Document listed = mongo.findOne(lookups.byId(key), Document.class, ORPHANS);
        return listed == null ? List.of() : listed.getList("ids", String.class, List.of());
    }

    /** Lists deliveries whose message is about to go, under their conversation (waited for: before the message goes). */
    static void listOrphans(MongoTemplate mongo, String conversationRef, List<String> ids) {
        if (conversationRef != null && !ids.isEmpty()) {
            mongo.upsert(Query.query(Criteria.where("_id").is(conversationRef)),
                    new Update().addToSet("ids").each(ids.toArray()), ORPHANS);
        }
    }

    /** The list goes with the conversation. */
    void forgetOrphans(ConversationKey key) {
        mongo.remove(lookups.byId(key), ORPHANS);
    }

    /** Ids listed whose delivery is gone since (pruned): taken out of the list, so that it stays small. */
    void dropGone(ConversationKey key, Collection<String> listed, Collection<String> found) {
        List<String> gone = listed.stream().filter(id -> !found.contains(id)).toList();
        if (!gone.isEmpty()) {
            mongo.updateFirst(lookups.byId(key), new Update().pullAll("ids", gone.toArray()), ORPHANS);
        }
    }

    private boolean orphansListed() {
        if (!orphansListed && steps.done(ORPHANS_LISTED)) {
            orphansListed = true;
        }
        return orphansListed;
    }
}
