package fr.boussole.app.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 12, "Chunk 724 not found": the app, started on an embedded store holding 100,000 messages, stopped
 * while building an index, because MVStore freed file chunks that the index build was still reading. A walk
 * over a whole collection (an index build, a count or a query on a field without a unique index, a migration)
 * reads the collection as it was when it started, page by page from the chunks that held it then. Once
 * compaction has moved those pages on and a few commits have passed (five versions; a commit after every
 * write makes that instant), MVStore frees the old chunks unless the walk has registered the version it reads.
 * <p>
 * Here, in the order that made it fail: a store holding history in half-empty chunks (as pruning leaves it), a
 * find through the driver on a field without an index (a walk over the whole collection), and while it reads,
 * the compaction that MVStore's background thread runs on such chunks, then twenty writes, each committed
 * before its answer. On the code before the fix the walk failed with {@code Chunk N not found}. Stand-ins keep
 * it to seconds and in that order: the retention time is 0 instead of 45 s (history is older than 45 s when
 * the app restarts on it); the page cache is 1 MB instead of 16 (history is larger than the cache, so its pages
 * are read from the file); the background thread is off and the test compacts at the moment that matters; a
 * slow regular expression (quadratic backtracking on each document) makes the walk outlast all that.
 */
class ScanDuringCommitsTest {

    static final int MESSAGES = 300;
    /** 8 KB a message: the collection (2.4 MB) is larger than this test's page cache (1 MB), as history is. */
    static final String TEXT = "x".repeat(8_000);
    /** Matched against {@link #SLOW}, which never matches it, after a quadratic number of backtracking steps. */
    static final String WORD = "x".repeat(1_500);
    static final String SLOW = "^x*x*y";

    @TempDir
    Path dir;

    @Test
    void a_walk_over_a_whole_collection_keeps_the_chunks_it_reads_while_the_store_compacts_and_commits()
            throws Exception {
        String file = dir.resolve(EmbeddedStore.FILE_NAME).toString();
        fill(file);

        MVStore store = new MVStore.Builder().fileName(file).cacheSize(1).autoCommitDisabled().open();
        store.setRetentionTime(0);
        DurableH2Backend backend = new DurableH2Backend(store, false);
        MongoServer server = new MongoServer(backend);
        InetSocketAddress at = server.bind();
        try (MongoClient mongo = MongoClients.create("mongodb://" + at.getHostString() + ":" + at.getPort())) {
            MongoCollection<Document> messages = mongo.getDatabase("boussole").getCollection("messages");
            MongoCollection<Document> live = mongo.getDatabase("boussole").getCollection("live");
            live.insertOne(new Document("_id", "first"));
            long readsBefore = store.getFileStore().getReadCount();

            CompletableFuture<Document> walk = CompletableFuture.supplyAsync(
                    () -> messages.find(Filters.regex("word", SLOW)).first());
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                    .until(() -> walk.isDone() || store.getFileStore().getReadCount() > readsBefore + 10);
            assertThat(walk).as("the walk is under way").isNotDone();

            assertThat(store.compact(100, Integer.MAX_VALUE)).as("the half-empty chunks were rewritten").isTrue();
            for (int i = 0; i < 20; i++) {
                live.insertOne(new Document("_id", i));
            }
            boolean outlasted = !walk.isDone();
            // on the code before: MongoQueryException "Chunk N not found"
            assertThat(walk.get(120, TimeUnit.SECONDS)).isNull();
            assertThat(outlasted).as("the walk outlasted the compaction and the commits after it").isTrue();
            assertThat(messages.countDocuments()).isEqualTo(MESSAGES);
        } finally {
            server.shutdownNow();
        }
    }

    /** Messages in their stored form, each commit sharing its chunks with records dropped afterwards. */
    static void fill(String file) {
        DurableH2Backend backend = DurableH2Backend.open(file, StoreFileSettings.DEFAULT);
        try {
            MongoDatabase database = backend.resolveDatabase("boussole");
            var messages = database.createCollectionOrThrowIfExists("messages");
            var handled = database.createCollectionOrThrowIfExists("handled");
            for (int i = 0; i < MESSAGES; i++) {
                messages.addDocument(new de.bwaldvogel.mongo.bson.Document("_id", i)
                        .append("status", "PROCESSED").append("word", WORD).append("text", TEXT));
                handled.addDocument(new de.bwaldvogel.mongo.bson.Document("_id", i).append("text", TEXT));
                if (i % 30 == 29) {
                    backend.getMvStore().commit();
                }
            }
            database.dropCollection("handled", NoopOplog.get());
        } finally {
            backend.close();
        }
    }
}
