package fr.boussole.app.testing;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import fr.boussole.testing.InMemoryStore;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * mongo-java-server in memory ({@link InMemoryStore}), counting the commands it answers (and the writes among them that would
 * wait for a commit on the embedded store), and the documents each collection examines to answer queries,
 * updates and deletes: one per document read through an index, every document of the collection for a
 * scan (as MongoDB's {@code docsExamined}). The same query planning as the embedded store: only
 * {@code _id} and unique indexes, matched on their exact keys.
 */
public final class CountingStore {

    /** The commands that change data, as the embedded store ({@code DurableH2Backend}) tells them. */
    private static final java.util.Set<String> WRITES = java.util.Set.of("insert", "update", "delete", "findandmodify",
            "createindexes", "dropindexes", "drop", "dropdatabase", "create", "renamecollection");

    private final Map<String, AtomicLong> examined = new ConcurrentHashMap<>();
    private final AtomicLong commands = new AtomicLong();
    private final Map<String, AtomicLong> byCommand = new ConcurrentHashMap<>();
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong waitedWrites = new AtomicLong();
    private final MongoServer server;

    public CountingStore() {
        server = new MongoServer(new InMemoryStore() {
            @Override
            public Document handleCommand(io.netty.channel.Channel channel, String database, String command, Document query) {
                commands.incrementAndGet();
                Object target = query.get(command);
                String kind = command + " " + (target instanceof String collection ? collection : "")
                        + (query.get("writeConcern") instanceof Document concern && Boolean.FALSE.equals(concern.get("j")) ? " (unawaited)" : "");
                byCommand.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
                if (WRITES.contains(command.toLowerCase(java.util.Locale.ROOT))) {
                    writes.incrementAndGet();
                    if (!(query.get("writeConcern") instanceof Document concern && Boolean.FALSE.equals(concern.get("j")))) {
                        waitedWrites.incrementAndGet();
                    }
                }
                return super.handleCommand(channel, database, command, query);
            }

            @Override
            protected SnapshotCollection collection(MongoDatabase database, String name, CollectionOptions options,
                                                    CursorRegistry cursors) {
                return new Counted(database, name, options, cursors, counter(name));
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

    /** Documents examined since {@code before} (an earlier {@link #examined()}), by collection; those with none left out. */
    public Map<String, Long> examinedSince(Map<String, Long> before) {
        Map<String, Long> spent = new TreeMap<>();
        examined().forEach((collection, n) -> {
            long delta = n - before.getOrDefault(collection, 0L);
            if (delta > 0) {
                spent.put(collection, delta);
            }
        });
        return spent;
    }

    /**
     * Round trips so far: every command, the writes among them, and the writes that wait for durability
     * (all but those sent with {@code j: false}, which the embedded store answers before its commit).
     */
    public RoundTrips roundTrips() {
        return new RoundTrips(commands.get(), writes.get(), waitedWrites.get());
    }

    /** Commands so far by name and collection ("update outbox"), those sent with {@code j: false} apart. */
    public Map<String, Long> byCommand() {
        Map<String, Long> copy = new TreeMap<>();
        byCommand.forEach((kind, n) -> copy.put(kind, n.get()));
        return copy;
    }

    public record RoundTrips(long commands, long writes, long waitedWrites) {
        public RoundTrips minus(RoundTrips before) {
            return new RoundTrips(commands - before.commands, writes - before.writes, waitedWrites - before.waitedWrites);
        }
    }

    public long total() {
        return examined.values().stream().mapToLong(AtomicLong::get).sum();
    }

    public void shutdown() {
        server.shutdownNow();
    }

    private static final class Counted extends InMemoryStore.SnapshotCollection {

        private final AtomicLong examined;

        Counted(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors,
                AtomicLong examined) {
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
