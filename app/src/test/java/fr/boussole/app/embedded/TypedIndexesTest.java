package fr.boussole.app.embedded;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded store's unique indexes in their typed form ({@link IndexMaps}): kept without Java serialisation,
 * and a store file written by the earlier code (the library's Java-serialised index maps, which MVStore cannot
 * tell apart from typed ones) opens, has its indexes rebuilt once and answers as before; so does a file whose
 * rebuild was cut short. (A downgrade is no longer possible once this code has written to a store: its documents
 * are in a form the earlier code cannot read, see {@link StoredDocumentType}.)
 */
class TypedIndexesTest {

    static final int PEOPLE = 200;

    @TempDir
    Path dir;

    @Test
    void unique_indexes_keep_their_keys_in_typed_maps_not_java_serialised() {
        String file = file();
        DurableH2Backend backend = DurableH2Backend.open(file, StoreFileSettings.DEFAULT);
        withClient(backend, people -> {
            fill(people);
            MVStore store = backend.getMvStore();
            List<String> indexMaps = store.getMapNames().stream().filter(name -> name.contains("_index_")).toList();
            assertThat(indexMaps).as("the _id, email, order and cas indexes").hasSizeGreaterThanOrEqualTo(4);
            for (String name : indexMaps) {
                MVMap<Object, Object> map = store.openMap(name); // the map already open, with its types
                // on the code before: ObjectDataType, which Java-serialises a KeyValue to compare, write and read it
                assertThat(map.getKeyType()).as(name).isInstanceOf(IndexKeyType.class);
                assertThat(map.getValueType()).as(name).isInstanceOf(IndexPositionType.class);
            }
        });
    }

    @Test
    void a_store_written_by_the_earlier_code_opens_rebuilds_its_indexes_once_and_answers_the_same() {
        String file = file();
        withClient(new H2Backend(new MVStore.Builder().fileName(file).open()), TypedIndexesTest::fill);
        assertThat(mapNames(file)).anyMatch(name -> name.endsWith("._index_email")).noneMatch(name -> name.contains("_typed_"));

        reopened(file, TypedIndexesTest::answersAsFilled);
        assertThat(mapNames(file)).as("the earlier maps removed, the typed ones recorded as built")
                .noneMatch(name -> name.contains("._index_")).anyMatch(name -> name.endsWith("._typed_index_email"));

        reopened(file, people -> {
            answersAsFilled(people);
            people.insertOne(new Document("_id", "late").append("email", "late@example.org"));
        });
        reopened(file, people -> assertThatThrownBy(() -> people.insertOne(new Document("email", "late@example.org")))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key"));
    }

    @Test
    void an_index_whose_build_was_cut_short_is_built_again() {
        String file = file();
        reopened(file, TypedIndexesTest::fill);
        // as a crash in the middle of the build leaves it: half the keys, not recorded as built
        MVStore store = new MVStore.Builder().fileName(file).open();
        try {
            String name = store.getMapNames().stream().filter(n -> n.endsWith("._typed_index_email")).findFirst().orElseThrow();
            MVMap<KeyValue, Object> email = store.openMap(name, new MVMap.Builder<KeyValue, Object>()
                    .keyType(IndexKeyType.INSTANCE).valueType(IndexPositionType.INSTANCE));
            List<KeyValue> keys = new ArrayList<>(email.keySet());
            keys.subList(0, keys.size() / 2).forEach(email::remove);
            store.<String, String>openMap(IndexMaps.BUILT).remove(name);
        } finally {
            store.close();
        }
        reopened(file, TypedIndexesTest::answersAsFilled);
    }

    /**
     * The earlier maps are removed while MVStore compacts: on the code before, they were removed by name, which
     * opens a map with a type that cannot compare keys, and a compaction rewriting its pages meanwhile failed
     * ("Can not compare") and closed the store (an app starting on a 50,000-message store written by the code
     * before stopped so). Here a thread compacts without pause while the store opens, on a file of many
     * collections whose chunks are half empty.
     */
    @Test
    void the_earlier_maps_are_removed_safely_while_the_store_compacts() throws Exception {
        String file = file();
        H2Backend earlier = new H2Backend(new MVStore.Builder().fileName(file).open());
        MongoServer server = new MongoServer(earlier);
        InetSocketAddress at = server.bind();
        try (MongoClient mongo = MongoClients.create("mongodb://" + at.getHostString() + ":" + at.getPort())) {
            for (int c = 0; c < COLLECTIONS; c++) {
                MongoCollection<Document> collection = mongo.getDatabase("boussole").getCollection("c" + c);
                for (int u = 0; u < 4; u++) {
                    collection.createIndex(Indexes.ascending("u" + u), new IndexOptions().unique(true).name("u" + u));
                }
                List<Document> documents = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    documents.add(new Document("_id", "d" + i).append("u0", i).append("u1", "x" + i).append("u2", (long) i)
                            .append("u3", "y" + i));
                }
                collection.insertMany(documents);
                collection.deleteMany(Filters.lt("u0", 100)); // half-empty chunks, for the compaction to rewrite
            }
        } finally {
            server.shutdownNow();
        }

        MVStore store = new MVStore.Builder().fileName(file).autoCommitDisabled().open();
        store.setRetentionTime(0);
        AtomicBoolean opening = new AtomicBoolean(true);
        CompletableFuture<Integer> compacting = CompletableFuture.supplyAsync(() -> {
            int rounds = 0;
            while (opening.get()) {
                store.compact(100, Integer.MAX_VALUE);
                rounds++;
            }
            return rounds;
        });
        try {
            new DurableH2Backend(store, false);
        } finally {
            opening.set(false);
        }
        assertThat(compacting.get(60, TimeUnit.SECONDS)).as("compactions while opening").isPositive(); // before: Can not compare
        assertThat(store.isClosed()).isFalse();
        assertThat(store.getMapNames()).noneMatch(name -> name.contains("._index_"));
        store.close();
    }

    static final int COLLECTIONS = 20;

    /** People with _ids of several types, a unique email, a compound unique order and a sparse unique cas. */
    static void fill(MongoCollection<Document> people) {
        people.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true).name("email"));
        people.createIndex(Indexes.ascending("conversation", "sequence"), new IndexOptions().unique(true).name("order"));
        people.createIndex(Indexes.ascending("cas"), new IndexOptions().unique(true).sparse(true).name("cas"));
        for (int i = 0; i < PEOPLE; i++) {
            Document person = new Document("_id", id(i)).append("email", "p" + i + "@example.org")
                    .append("conversation", "c" + (i % 7)).append("sequence", (long) i);
            if (i % 3 == 0) {
                person.append("cas", "cas-" + i);
            }
            people.insertOne(person);
        }
    }

    static Object id(int i) {
        return switch (i % 4) {
            case 0 -> "person-" + i;
            case 1 -> i;
            case 2 -> new ObjectId(String.format("%024x", i));
            default -> new Document("k", i).append("s", "x");
        };
    }

    static void answersAsFilled(MongoCollection<Document> people) {
        for (int i = 0; i < PEOPLE; i++) {
            assertThat(people.find(Filters.eq("_id", id(i))).first()).as("by _id %s", id(i))
                    .extracting(d -> d.get("email")).isEqualTo("p" + i + "@example.org");
            assertThat(people.find(Filters.eq("email", "p" + i + "@example.org")).first()).extracting(d -> d.get("_id"))
                    .isEqualTo(id(i));
            int j = i;
            assertThatThrownBy(() -> people.insertOne(new Document("email", "p" + j + "@example.org")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        }
        assertThatThrownBy(() -> people.insertOne(new Document("conversation", "c3").append("sequence", 3L)))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        assertThatThrownBy(() -> people.insertOne(new Document("cas", "cas-6")))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        assertThat(people.countDocuments()).isGreaterThanOrEqualTo(PEOPLE);
    }

    private static void reopened(String file, Consumer<MongoCollection<Document>> use) {
        withClient(DurableH2Backend.open(file, StoreFileSettings.DEFAULT), use);
    }

    /** Serves the backend while {@code use} runs, then closes both. */
    static void withClient(AbstractMongoBackend backend, Consumer<MongoCollection<Document>> use) {
        MongoServer server = new MongoServer(backend);
        InetSocketAddress at = server.bind();
        try (MongoClient mongo = MongoClients.create("mongodb://" + at.getHostString() + ":" + at.getPort())) {
            use.accept(mongo.getDatabase("boussole").getCollection("people"));
        } finally {
            server.shutdownNow();
        }
    }

    private static List<String> mapNames(String file) {
        MVStore store = new MVStore.Builder().fileName(file).readOnly().open();
        try {
            return List.copyOf(store.getMapNames());
        } finally {
            store.close();
        }
    }

    private String file() {
        return dir.resolve(EmbeddedStore.FILE_NAME).toString();
    }

}
