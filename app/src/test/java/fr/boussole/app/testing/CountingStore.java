package fr.boussole.app.testing;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * mongo-java-server in memory, counting the documents each collection examines to answer queries,
 * updates and deletes: one per document read through an index, every document of the collection for a
 * scan (as MongoDB's {@code docsExamined}). The same query planning as the embedded store: only
 * {@code _id} and unique indexes, matched on their exact keys.
 */
public final class CountingStore {

    private final Map<String, AtomicLong> examined = new ConcurrentHashMap<>();
    private final MongoServer server;

    public CountingStore() {
        server = new MongoServer(new MemoryBackend() {
            @Override
            public MemoryDatabase openOrCreateDatabase(String name) {
                return new MemoryDatabase(name, getCursorRegistry()) {
                    @Override
                    protected MemoryCollection openOrCreateCollection(String collection, CollectionOptions options) {
                        return new Counted(this, collection, options, cursorRegistry, counter(collection));
                    }
                };
            }
        });
        server.bind();
    }

    private AtomicLong counter(String collection) {
        return examined.computeIfAbsent(collection, c -> new AtomicLong());
    }

    public String uri() {
        return server.getConnectionString() + "/boussole";
    }

    /** Documents examined so far, by collection. */
    public Map<String, Long> examined() {
        Map<String, Long> copy = new TreeMap<>();
        examined.forEach((collection, n) -> copy.put(collection, n.get()));
        return copy;
    }

    public long total() {
        return examined.values().stream().mapToLong(AtomicLong::get).sum();
    }

    public void shutdown() {
        server.shutdownNow();
    }

    private static final class Counted extends MemoryCollection {

        private final AtomicLong examined;

        Counted(MemoryDatabase database, String name, CollectionOptions options,
                de.bwaldvogel.mongo.backend.CursorRegistry cursors, AtomicLong examined) {
            super(database, name, options, cursors);
            this.examined = examined;
        }

        @Override
        protected QueryResult matchDocumentsFromStream(Stream<Document> documents, Document query, Document orderBy,
                                                       int skip, int limit, int batchSize, Document projection) {
            return super.matchDocumentsFromStream(documents.peek(d -> examined.incrementAndGet()), query, orderBy,
                    skip, limit, batchSize, projection);
        }

        @Override
        protected QueryResult matchDocuments(Document query, Iterable<Integer> positions, Document orderBy,
                                             int skip, int limit, int batchSize, Document projection) {
            Iterable<Integer> counted = () -> {
                Iterator<Integer> each = positions.iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return each.hasNext();
                    }

                    @Override
                    public Integer next() {
                        examined.incrementAndGet();
                        return each.next();
                    }
                };
            };
            return super.matchDocuments(query, counted, orderBy, skip, limit, batchSize, projection);
        }
    }
}
