package fr.boussole.app.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import org.h2.mvstore.MVMap;

import java.util.ArrayList;
import java.util.List;

/**
 * mongo-java-server's H2 collection with documents that never change once stored. The library applies an update
 * to the very object its map holds, field by field, under the collection's lock; but the answer to a find or a
 * findAndModify (that same object) is written to the driver after the lock is released, and a commit serialises
 * the map's objects on whichever thread commits. So a reader could get, and the file could receive, a document
 * half one version and half the next (issue 12: two messages given one rank, from a counter read that way;
 * {@code StoredDocumentsTest}). Here an update works on a copy of the document, which then replaces the stored
 * one in the map ({@link H2Collection#handleUpdate} puts it): what was stored before stays as it was for whoever
 * still reads it. Plain reads are not copied: the objects they return are no longer changed by anyone.
 * <p>
 * Documents and the collection's metadata stay in the library's maps, under the library's names, so a file
 * written by the stock backend or by earlier code opens as before (its documents read in their earlier form,
 * see {@link StoredDocumentType}).
 */
final class CopyOnWriteCollection extends H2Collection {

    /** The library's names for a collection's maps (H2Database's, not visible to us), followed by "db.collection". */
    static final String DOCUMENTS_MAP = "databases.";
    static final String META_MAP = "meta.";

    /**
     * Whether the query under way is an update's: its documents are copied. Set and read only under the
     * collection's lock (the library's methods are synchronized on the collection), by the thread holding it.
     */
    private boolean updating;

    CopyOnWriteCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                          MVMap<Object, Document> documents, MVMap<String, Object> meta, CursorRegistry cursors) {
        super(database, collectionName, options, documents, meta, cursors);
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

    @Override
    public synchronized Document findAndModify(Document query) {
        updating = true;
        try {
            return super.findAndModify(query);
        } finally {
            updating = false;
        }
    }

    /** Every query ends here (through an index or a walk); an update's gets copies to change. */
    @Override
    protected QueryResult createQueryResult(List<Document> matched, int batchSize) {
        if (!updating) {
            return super.createQueryResult(matched, batchSize);
        }
        List<Document> copies = new ArrayList<>(matched.size());
        for (Document document : matched) {
            copies.add(document.cloneDeeply());
        }
        return super.createQueryResult(copies, batchSize);
    }
}
