package fr.boussole.pipeline.conversation;

import fr.boussole.pipeline.writes.OneOffSteps;
import fr.boussole.pipeline.writes.RetentionLists;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where the retention job finds the idle conversations without walking {@code conversations}: a turn lists its
 * conversation under the hour it happens in, at most once an hour ({@link Conversations#applyTurn}, the list's
 * {@code _id} kept in the document as {@code listedIn}), in {@code conversation_lists}: retention lists
 * ({@link RetentionLists}) of their own, so that reading them walks no message's list, nor the messages' theirs.
 * The job reads the lists of the hours before the idle limit (a range on {@code _id} over that small collection), then
 * each listed conversation by {@code _id}: past the limit by its own {@code updatedAt}, it is erased; listed since in
 * another list, forgotten, or gone, its listing is dropped; active since but still listed here (the limit falls in
 * the list's hour), it stays listed here for the next run.
 * <p>
 * The conversations stored before the lists existed are listed once ({@value #LISTED} in {@code pipeline_migrations}),
 * by the first run, before it reads the lists: nothing needs the query this replaces (a walk of the whole
 * collection, {@code updatedAt} before the limit, not forgotten) meanwhile. That one walk goes in
 * slices, each a regular expression on {@code _id} (a conversation's id is {@code channel:} followed by a base64url
 * lookup key, so one slice per first character of the key, and one for any other id): the embedded store answers
 * a regular expression on {@code _id} through its unique index, reading the index's keys and then only the
 * documents that match, so that no command holds the collection for more than a slice. A range on {@code _id}
 * would not do: the embedded store walks the whole collection for it.
 */
@Component
class ConversationLists {

    private static final Logger log = LoggerFactory.getLogger(ConversationLists.class);
    /** The marker of the one walk that listed the conversations stored before the lists. */
    static final String LISTED = "retention-lists-conversations";
    private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final int BATCH = 500;

    private final MongoTemplate mongo;
    private final Conversations conversations;
    private final RetentionLists lists;
    private final OneOffSteps steps;
    private volatile boolean listed;

    ConversationLists(MongoTemplate mongo, Conversations conversations) {
        this.mongo = mongo;
        this.conversations = conversations;
        this.lists = new RetentionLists(mongo, RetentionLists.CONVERSATION_LISTS);
        this.steps = new OneOffSteps(mongo);
    }

    /**
     * Hands each conversation listed before {@code cutoff} and idle since to {@code idle}, then drops its listing;
     * drops the listings of those active since (listed again) and keeps those of the conversations active in the
     * list's own hour. The first run lists the conversations stored before the lists first.
     */
    void eachIdle(Instant cutoff, Instant now, Consumer<StoredConversation> idle) {
        listOnce(now); // before the lists are read: nothing needs the query it replaces meanwhile
        Query due = Query.query(Criteria.where("_id").lt(RetentionLists.stamp(cutoff)));
        due.fields().include("_id"); // the lists one at a time, not all their ids at once
        for (Document dueList : mongo.find(due, Document.class, RetentionLists.CONVERSATION_LISTS)) {
            Document list = mongo.findById(dueList.get("_id"), Document.class, RetentionLists.CONVERSATION_LISTS);
            if (list != null) {
                handle(list, cutoff, idle);
            }
        }
    }

    private void handle(Document list, Instant cutoff, Consumer<StoredConversation> idle) {
        String listId = list.getString("_id");
        List<String> refs = new ArrayList<>(new LinkedHashSet<>(list.getList(RetentionLists.CONVERSATION, String.class, List.of())));
        if (refs.isEmpty()) { // emptied by a run cut short before it removed the list
            mongo.remove(Query.query(Criteria.where("_id").is(listId)), RetentionLists.CONVERSATION_LISTS);
            return;
        }
        List<String> done = new ArrayList<>();
        for (String ref : refs) {
            Query byId = Query.query(Criteria.where("_id").is(ref));
            byId.fields().include("_id").include("address").include("updatedAt").include("forgottenAt").include("listedIn");
            Document doc = mongo.findOne(byId, Document.class, Conversations.COLLECTION);
            if (doc == null || doc.get("forgottenAt") != null || doc.getDate("updatedAt") == null
                    || (doc.getString("listedIn") != null && !listId.equals(doc.getString("listedIn")))) {
                done.add(ref); // gone, forgotten (its next turn lists it), never dated (as the query) or listed since
            } else if (doc.getDate("updatedAt").toInstant().isBefore(cutoff)) {
                // the erasure checks again, under the conversation's lease, that it is still idle
                idle.accept(conversations.load(conversations.keyOf(doc)));
                done.add(ref);
            }
            // else active in this list's own hour (the limit falls in it): it stays here, for the next run
        }
        if (done.isEmpty()) {
            return;
        }
        // after the erasures: a run cut short leaves them listed, and the next run finds them gone
        Update update = done.size() == refs.size() ? new Update().unset(RetentionLists.CONVERSATION)
                : new Update().pullAll(RetentionLists.CONVERSATION, done.toArray());
        Document left = mongo.findAndModify(Query.query(Criteria.where("_id").is(listId)), update,
                FindAndModifyOptions.options().returnNew(true), Document.class, RetentionLists.CONVERSATION_LISTS);
        if (left != null && RetentionLists.empty(left)) {
            mongo.remove(Query.query(Criteria.where("_id").is(listId)), RetentionLists.CONVERSATION_LISTS);
        }
    }

    /**
     * Once: the conversations stored before the lists, listed by the hour of their last turn, in slices by the first
     * character of their lookup key (see above). Run twice (a crash before the marker), a conversation is listed
     * twice: the second look drops it. A conversation never dated or forgotten is not listed (the query never
     * found them either); its next turn lists it.
     */
    private void listOnce(Instant now) {
        if (listed()) {
            return;
        }
        long started = System.nanoTime();
        int count = 0;
        for (String slice : slices()) {
            Query query = Query.query(Criteria.where("_id").regex(slice));
            query.fields().include("_id").include("updatedAt").include("forgottenAt");
            RetentionLists.ByHour byHour = lists.byHour(RetentionLists.CONVERSATION, BATCH);
            for (Document doc : mongo.find(query, Document.class, Conversations.COLLECTION)) {
                if (doc.get("forgottenAt") != null || doc.getDate("updatedAt") == null) {
                    continue;
                }
                byHour.add(doc.getString("_id"), doc.getDate("updatedAt").toInstant());
                count++;
            }
            // not waited for: the marker's insert, waited for, covers them
            byHour.flush();
        }
        steps.markDone(LISTED, now, count);
        listed = true;
        log.info("Retention: {} conversation(s) stored before the retention lists listed once, in {} ms", count,
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Regular expressions on {@code _id} that together match every id once: one per first character of a lookup
     * key after {@code channel:}, and one for any id not of that form.
     */
    static List<String> slices() {
        List<String> slices = new ArrayList<>();
        for (char c : BASE64URL.toCharArray()) {
            slices.add("^[a-z]+:" + c);
        }
        slices.add("^(?![a-z]+:[A-Za-z0-9_-])");
        return slices;
    }

    private boolean listed() {
        if (!listed && steps.done(LISTED)) {
            listed = true;
        }
        return listed;
    }
}
