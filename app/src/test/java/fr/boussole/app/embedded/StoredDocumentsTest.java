package fr.boussole.app.embedded;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.bson.conversions.Bson;
import de.bwaldvogel.mongo.MongoBackend;
import fr.boussole.testing.InMemoryStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12: mongo-java-server applies an update to the very document object its collection holds, field by
 * field, while an answer read a moment before (a find, a findAndModify's document) is still being written to
 * the driver outside the collection's lock, and while a commit on another thread may be serialising that object
 * to the file. A reader could get a document that is half one version and half the next: the pipeline once read
 * a conversation's rank counter that way and gave two messages one rank. Here a writer keeps moving every field
 * of one document to the same new value while readers check that the fields they get always agree, on the
 * embedded store and on the tests' in-memory store ({@link InMemoryStore}), which must not be weaker than MongoDB.
 */
class StoredDocumentsTest {

    static final int FIELDS = 40;
    static final int UPDATES = 1_500;

    @TempDir
    Path dir;

    private MongoServer server;
    private MongoClient mongo;
    private MongoCollection<Document> counters;

    void open(String store) {
        MongoBackend backend = store.equals("embedded")
                ? DurableH2Backend.open(dir.resolve(EmbeddedStore.FILE_NAME).toString(), StoreFileSettings.DEFAULT)
                : new InMemoryStore();
        server = new MongoServer(backend);
        InetSocketAddress at = server.bind();
        mongo = MongoClients.create("mongodb://" + at.getHostString() + ":" + at.getPort());
        // not waiting for each commit keeps the test to a second; MVStore's own commits still run meanwhile
        counters = mongo.getDatabase("boussole").getCollection("counters")
                .withWriteConcern(WriteConcern.ACKNOWLEDGED.withJournal(false));
        counters.insertOne(version(new Document("_id", "one"), 0));
    }

    @AfterEach
    void close() {
        mongo.close();
        server.shutdownNow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"embedded", "tests' in-memory"})
    void a_find_never_returns_a_document_half_updated(String store) throws Exception {
        open(store);
        List<String> torn = whileWriting(() -> counters.find(Filters.eq("_id", "one")).first());
        assertThat(torn).as("documents read with fields of two versions").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"embedded", "tests' in-memory"})
    void a_find_and_modify_returns_the_document_as_its_own_update_left_it(String store) throws Exception {
        open(store);
        ConcurrentLinkedQueue<String> torn = new ConcurrentLinkedQueue<>();
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> bumpers = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                bumpers.add(threads.submit(() -> {
                    for (int i = 0; i < UPDATES / 3; i++) {
                        Document after = counters.findOneAndUpdate(Filters.eq("_id", "one"), increments(),
                                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
                        check(after, torn);
                    }
                }));
            }
            for (Future<?> bumper : bumpers) {
                bumper.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(torn).as("documents returned with fields of two versions").isEmpty();
    }

    /** Reads with {@code read} on two threads while a third sets every field to a new version, {@link #UPDATES} times. */
    private List<String> whileWriting(java.util.function.Supplier<Document> read) throws Exception {
        AtomicBoolean done = new AtomicBoolean();
        ConcurrentLinkedQueue<String> torn = new ConcurrentLinkedQueue<>();
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            Future<?> writer = threads.submit(() -> {
                for (int v = 1; v <= UPDATES; v++) {
                    counters.updateOne(Filters.eq("_id", "one"), new Document("$set", version(new Document(), v)));
                }
                done.set(true);
            });
            List<Future<?>> readers = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                readers.add(threads.submit(() -> {
                    while (!done.get()) {
                        check(read.get(), torn);
                    }
                }));
            }
            writer.get();
            for (Future<?> reader : readers) {
                reader.get();
            }
        } finally {
            done.set(true);
            threads.shutdownNow();
        }
        return List.copyOf(torn);
    }

    private static Document version(Document document, int v) {
        for (int f = 0; f < FIELDS; f++) {
            document.append("f" + f, v);
        }
        return document;
    }

    private static Bson increments() {
        List<Bson> each = new ArrayList<>();
        for (int f = 0; f < FIELDS; f++) {
            each.add(Updates.inc("f" + f, 1));
        }
        return Updates.combine(each);
    }

    private static void check(Document document, ConcurrentLinkedQueue<String> torn) {
        Object first = document.get("f0");
        for (int f = 1; f < FIELDS; f++) {
            if (!first.equals(document.get("f" + f))) {
                torn.add(document.toJson());
                return;
            }
        }
    }
}
