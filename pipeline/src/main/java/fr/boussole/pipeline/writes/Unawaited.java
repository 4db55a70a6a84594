package fr.boussole.pipeline.writes;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Writes that need not wait for the store's durability themselves, because a later write that does
 * wait covers them. They carry {@code j: false} in their write concern: the embedded store
 * ({@code DurableH2Backend}) then answers them before its next commit instead of after it. On MongoDB
 * they stay {@code w: majority}: a replica set acknowledges them once a majority holds them, so a
 * failover never rolls one back behind a later write that a majority acknowledged (whether they are
 * also journaled before the answer depends on the server's {@code writeConcernMajorityJournalDefault});
 * every other write of the app waits ({@code w: majority, j: true}, or the embedded store's commit).
 * <p>
 * Two kinds of writes use this, and only these:
 * <ul>
 *   <li>bookkeeping whose loss in a crash costs nothing but a little work: leases, the live-work
 *       listings, rank counters and their "done" marks;</li>
 *   <li>the writes of a turn (its state, its replies) and the web chat's "sent" marks, which a later,
 *       waited-for write covers before anything is told outside: a waited-for write makes durable everything
 *       the store applied before it (the embedded store commits its whole file, in the order writes were
 *       applied; a replica set's journal and oplog are sequential), and the processor waits for the
 *       message's "processed" mark before the web chat answers, a sender for its claim before it calls
 *       a provider, the web chat for its reply queue's update before it answers.</li>
 * </ul>
 * Lost in a crash, such a write is as if it had never been made, and what depends on it is redone:
 * the message is still pending, its turn is taken again (the same replies, by their derived ids).
 */
public final class Unawaited {

    public static final WriteConcern CONCERN = WriteConcern.MAJORITY.withJournal(false);

    private final MongoTemplate mongo;

    public Unawaited(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** @return whether a document matched */
    public boolean updateOne(String collection, Bson filter, Bson update) {
        return mongo.execute(collection, c -> relaxed(c).updateOne(filter, update).getMatchedCount() > 0);
    }

    public void upsert(String collection, Bson filter, Bson update) {
        mongo.execute(collection, c -> relaxed(c).updateOne(filter, update, new UpdateOptions().upsert(true)));
    }

    /**
     * The document as it was before the update, or null when none matched and the update created it. A counter
     * is read this way (the value before the increment, plus one) rather than "after": the stock mongo-java-server
     * answered "after" with its stored document itself, which a concurrent update could change before it was sent,
     * so that two increments read the same value. The embedded store and the tests' store now answer with copies
     * ({@code CopyOnWriteCollection}, {@code InMemoryStore}); "before" stays right on any store.
     */
    public Document upsertAndGetBefore(String collection, Bson filter, Bson update) {
        return mongo.execute(collection, c -> relaxed(c).findOneAndUpdate(filter, update,
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE)));
    }

    /** The document as it was before the update, or null when none matched. */
    public Document findAndUpdate(String collection, Bson filter, Bson update) {
        return mongo.execute(collection, c -> relaxed(c).findOneAndUpdate(filter, update));
    }

    /** @throws org.springframework.dao.DuplicateKeyException when a unique key is taken */
    public void insert(String collection, Document document) {
        mongo.execute(collection, c -> relaxed(c).insertOne(document));
    }

    public void deleteOne(String collection, Bson filter) {
        mongo.execute(collection, c -> relaxed(c).deleteOne(filter));
    }

    private static MongoCollection<Document> relaxed(MongoCollection<Document> collection) {
        return collection.withWriteConcern(CONCERN);
    }
}
