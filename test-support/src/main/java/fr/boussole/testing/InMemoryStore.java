package fr.boussole.testing;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;

import java.util.ArrayList;
import java.util.List;

/**
 * The tests' MongoDB: mongo-java-server's memory backend, answering with documents as they were when the
 * command ran, as MongoDB does. The library updates the object its collection holds, field by field, under the
 * collection's lock, and answers a find or a findAndModify with that same object, written to the driver after
 * the lock is released: a test could read a document half one version and half the next, which MongoDB never
 * returns (the product's embedded store makes its documents copy-on-write instead, {@code CopyOnWriteCollection}
 * in the app; here answers are copied under the lock, since this backend's updates must change the held object).
 */
public class InMemoryStore extends MemoryBackend {

    @Override
    public final MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new MemoryDatabase(databaseName, getCursorRegistry()) {
            @Override
            protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
                return collection(this, collectionName, options, cursorRegistry);
            }
        };
    }

    /** A collection of this store: a {@link SnapshotCollection}, or a subclass of it (a test that counts reads). */
    protected SnapshotCollection collection(MongoDatabase database, String name, CollectionOptions options,
                                            CursorRegistry cursors) {
        return new SnapshotCollection(database, name, options, cursors);
    }

    /** The memory backend's collection, answering with copies taken under its lock. */
    public static class SnapshotCollection extends MemoryCollection {

        /** Set and read under the collection's lock only: the library's methods are synchronized on it. */
        private boolean updating;

        public SnapshotCollection(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
            super(database, name, options, cursors);
        }

        @Override
        public synchronized Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters,
                                                     boolean multi, boolean upsert, Oplog oplog) {
            updating = true;
            try {
                return super.updateDocuments(selector, update, arrayFilters, multi, upsert, oplog);
            } finally {
                updating = false;
            }
        }

        /** The document it answers with is the one held (updated in place): copied before the lock goes. */
        @Override
        public synchronized Document findAndModify(Document query) {
            updating = true;
            Document result;
            try {
                result = super.findAndModify(query);
            } finally {
                updating = false;
            }
            if (result.get("value") instanceof Document value) {
                result.put("value", value.cloneDeeply());
            }
            return result;
        }

        /** A read gets copies; an update gets the held documents, which it changes in place. */
        @Override
        protected final QueryResult createQueryResult(List<Document> matched, int batchSize) {
            if (updating) {
                return super.createQueryResult(matched, batchSize);
            }
            List<Document> copies = new ArrayList<>(matched.size());
            for (Document document : matched) {
                copies.add(document.cloneDeeply());
            }
            return super.createQueryResult(copies, batchSize);
        }
    }
}
