package fr.boussole.app.embedded;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * MVStore's type for a collection's documents: each in {@link BsonValues}' form, instead of the Java serialisation
 * that MVStore's default type falls back to for a class it does not know. That serialisation wrote every
 * document with its classes' descriptions, on a stream of its own, each time a page holding it was committed or
 * read back: about a tenth of a web chat message's CPU (BENCHMARKS.md), and a quarter of it on a store of
 * 1,000,000 messages, whose background compaction reads and writes pages without end.
 * <p>
 * A document written by earlier code (or by the library's own backend) is still read: the default type's forms
 * begin with one of its tags (0 to 119), a document in {@link BsonValues}' form with {@link #FORM}, which is
 * none of them. Such a document is written in the new form the next time its page is (a change to it or to a
 * neighbour, a compaction), so a store moves to the new form as it is used. The way back is closed: once this
 * code has opened a store, earlier code cannot read it, and refuses it at start ({@link #claimCatalogue}); keep a
 * copy of the data directory from before the upgrade to go back (docs/operations.md, "Upgrades").
 */
final class StoredDocumentType extends BasicDataType<Document> {

    static final StoredDocumentType INSTANCE = new StoredDocumentType();

    /** The first byte of a document in {@link BsonValues}' form: its document tag, which the default type never writes. */
    static final byte FORM = BsonValues.DOCUMENT;

    /** Reads what earlier code wrote (its map was opened with the default type). */
    private final ObjectDataType earlier = new ObjectDataType();

    private StoredDocumentType() {
    }

    @Override
    public int getMemory(Document document) {
        return BsonValues.memory(document);
    }

    @Override
    public void write(WriteBuffer out, Document document) {
        BsonValues.write(out, document);
    }

    @Override
    public Document read(ByteBuffer in) {
        if (in.get(in.position()) == FORM) {
            return (Document) BsonValues.read(in);
        }
        return (Document) earlier.read(in);
    }

    /**
     * Writes the database's catalogue (its lists of collections and of indexes, which the library reads first when
     * it opens a database) in this form, so that earlier code refuses the store at start, with MVStore's "Unknown
     * tag 30", instead of opening it and failing on each request that reads a document written here.
     */
    static void claimCatalogue(MVStore store, String database) {
        for (String collection : List.of("system.namespaces", "system.indexes")) {
            String name = CopyOnWriteCollection.DOCUMENTS_MAP + database + "." + collection;
            if (store.hasMap(name)) {
                MVMap<Object, Document> catalogue = store.openMap(name); // already open by the database, with this type
                for (Object key : catalogue.keySet()) {
                    catalogue.put(key, catalogue.get(key));
                }
            }
        }
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
