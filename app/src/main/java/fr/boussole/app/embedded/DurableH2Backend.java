package fr.boussole.app.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The embedded store's backend, answering a write only once it is on disk. mongo-java-server's H2
 * backend commits its MVStore about once a second in the background, so a write it had acknowledged
 * was lost if the process died within that second (the channel had already answered 200). Here every
 * write command waits for a commit of the MVStore that covers it before its answer goes back to the
 * driver, and so before any channel acknowledges anything; concurrent writers share one commit
 * ({@link GroupCommit}). With {@code fsync}, each commit is also forced to the disk (a power cut, not
 * only a killed process, then loses nothing acknowledged).
 * <p>
 * A write sent with {@code j: false} in its write concern is answered without waiting, as MongoDB answers
 * it before its journal: the pipeline's bookkeeping (leases, the live-work lists, counters) and the
 * writes of a turn that the turn's last, waited-for write covers. A commit persists everything applied
 * before it, so such a write is durable once any later write has waited for its commit.
 * <p>
 * Its unique indexes are kept in typed maps ({@link IndexMaps}, {@link IndexKeyType}) rather than the
 * library's Java-serialised ones; a file written by the earlier code has its indexes rebuilt once, at start.
 * Its documents are copy-on-write ({@link CopyOnWriteCollection}): no reader or commit ever sees one half updated;
 * they are stored in {@link StoredDocumentType}'s form, not Java-serialised.
 */
final class DurableH2Backend extends H2Backend {

    /** The commands that change data (lower case); reads, pings and cursors are answered at once. */
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify",
            "createindexes", "dropindexes", "drop", "dropdatabase", "create", "renamecollection");

    private final GroupCommit commits;

    DurableH2Backend(MVStore store, boolean fsync) {
        super(store);
        this.commits = new GroupCommit(() -> {
            store.commit();
            if (fsync) {
                store.sync();
            }
        });
    }

    static DurableH2Backend open(String file, StoreFileSettings settings) {
        MVStore store = builder(file, settings).open();
        // opening the databases walks their catalogues and may build an index over a whole collection
        MVStore.TxCounter reading = store.registerVersionUsage();
        try {
            return new DurableH2Backend(store, settings.fsync());
        } finally {
            store.deregisterVersionUsage(reading);
        }
    }

    /** The file's settings as MVStore takes them (its other defaults kept: 16 MB of page cache, 16 KB pages). */
    static MVStore.Builder builder(String file, StoreFileSettings settings) {
        return new MVStore.Builder().fileName(file).autoCompactFillRate(settings.compactFillRate());
    }

    /**
     * Every message (each command the driver sends: OP_MSG) holds on to the store version it reads
     * ({@link MVStore#registerVersionUsage()}) until it is answered, a write's wait for its commit included. A
     * command that walks a whole collection (an index build, a find on a field without a unique index, a
     * migration's scan) reads it as it was when the walk started, page by page, from the file chunks that held it
     * then. MVStore frees a chunk once nothing live is left in it (compaction, which its background thread runs on
     * half-empty chunks, moves the live pages on), it was written more than its retention time (45 s) ago, and it
     * became unused before the oldest version in use: without a registered reader, the current version minus 5.
     * With a commit after every write, five versions pass in a fraction of a second, so a walk over history failed
     * with "Chunk N not found" (issue 12: an app starting on 100,000 messages, while building an index; the file
     * intact, only the walk's snapshot had lost its pages). Registered, the version and every chunk it reads stay
     * until the command is answered; the space is reused after ({@code ScanDuringCommitsTest}). Cursors need
     * nothing more: mongo-java-server answers a query whole and keeps the rest of its batch in memory. Commands
     * sent the legacy way (OP_QUERY on {@code $cmd}: the driver's first handshake only) walk nothing.
     */
    @Override
    public Document handleMessage(MongoMessage message) {
        MVStore.TxCounter reading = getMvStore().registerVersionUsage();
        try {
            return super.handleMessage(message);
        } finally {
            getMvStore().deregisterVersionUsage(reading);
        }
    }

    /** A legacy query (OP_QUERY on a collection): its walk is held on to as well. */
    @Override
    public QueryResult handleQuery(MongoQuery query) {
        MVStore.TxCounter reading = getMvStore().registerVersionUsage();
        try {
            return super.handleQuery(query);
        } finally {
            getMvStore().deregisterVersionUsage(reading);
        }
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        if (!WRITES.contains(command.toLowerCase(Locale.ROOT)) || unawaited(query)) {
            return super.handleCommand(channel, database, command, query);
        }
        try {
            return super.handleCommand(channel, database, command, query);
        } finally {
            // a failed write may still have changed something (one of several documents): made durable too
            commits.awaitDurable();
        }
    }

    /** Whether the write's concern says it need not wait for the journal ({@code j: false}). */
    static boolean unawaited(Document query) {
        return query.get("writeConcern") instanceof Document concern && Boolean.FALSE.equals(concern.get("j"));
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        MongoDatabase database = new Database(databaseName);
        IndexMaps.builtAll(getMvStore(), databaseName);
        StoredDocumentType.claimCatalogue(getMvStore(), databaseName);
        return database;
    }

    /**
     * The library's database with its unique indexes in {@link IndexMaps}. An inner class: H2Database's
     * constructor opens (and builds) the indexes before any field of a subclass is set, while the enclosing
     * backend, which holds the MVStore, is already there.
     */
    private final class Database extends H2Database {

        Database(String name) {
            super(name, getMvStore(), getCursorRegistry());
        }

        /**
         * The library's collection, made copy-on-write ({@link CopyOnWriteCollection}), over the same two maps, its
         * documents stored in {@link StoredDocumentType}'s form.
         */
        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String fullName = getFullCollectionNamespace(collectionName);
            return new CopyOnWriteCollection(this, collectionName, options,
                    getMvStore().openMap(CopyOnWriteCollection.DOCUMENTS_MAP + fullName,
                            new MVMap.Builder<Object, Document>().valueType(StoredDocumentType.INSTANCE)),
                    getMvStore().openMap(CopyOnWriteCollection.META_MAP + fullName), getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            return IndexMaps.open(getMvStore(), getFullCollectionNamespace(collectionName), indexName, keys, sparse);
        }

        /** An index made by a command (or a new collection's {@code _id}) counts once built. */
        @Override
        protected synchronized void addIndex(Document indexDescription) {
            super.addIndex(indexDescription);
            IndexMaps.builtAll(getMvStore(), getDatabaseName());
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            IndexMaps.dropped(getMvStore(), getFullCollectionNamespace(collection.getCollectionName()), indexName);
        }

        @Override
        public void drop(Oplog oplog) {
            super.drop(oplog);
            IndexMaps.droppedAll(getMvStore(), getDatabaseName());
        }
    }

    /** Rewrites the file's chunks until it is compact, for at most {@code millis} (see {@link EmbeddedStore#compact}). */
    void compactFile(int millis) {
        getMvStore().compactFile(millis);
    }

    /** How many commits were made: fewer than the writes when writers share them. */
    long commitCount() {
        return commits.count();
    }
}
