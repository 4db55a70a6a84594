package fr.boussole.app.embedded;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.BsonBinarySubType;
import org.bson.BsonRegularExpression;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded store's documents in {@link StoredDocumentType}'s form: no Java serialisation in the file, every
 * BSON type read back as written, and a file whose documents the earlier code wrote (Java-serialised by MVStore's
 * default type) read as before, its documents moving to the new form as they are written again.
 */
class StoredDocumentFormTest {

    static final int PEOPLE = 300;
    /** The name of the library's document class, written with every document by Java serialisation. */
    static final String JAVA_SERIALISED = "de.bwaldvogel.mongo.bson.Document";

    @TempDir
    Path dir;

    @Test
    void documents_are_stored_without_java_serialisation() throws IOException {
        String file = file();
        served(DurableH2Backend.open(file, StoreFileSettings.DEFAULT), StoredDocumentFormTest::fill);
        // on the code before: each document carried its class's name (and its fields' classes') in the file
        assertThat(occurrences(file, JAVA_SERIALISED)).isZero();
        served(DurableH2Backend.open(file, StoreFileSettings.DEFAULT), StoredDocumentFormTest::answersAsFilled);
    }

    @Test
    void every_bson_type_is_read_back_as_written() {
        String file = file();
        Document all = everyType();
        served(DurableH2Backend.open(file, StoreFileSettings.DEFAULT), people -> people.insertOne(all));
        served(DurableH2Backend.open(file, StoreFileSettings.DEFAULT), people ->
                assertThat(people.find(Filters.eq("_id", "all")).first()).isEqualTo(all));
    }

    @Test
    void a_store_whose_documents_the_earlier_code_wrote_is_read_and_moves_to_the_new_form_as_written() throws IOException {
        String file = file();
        served(new H2Backend(new MVStore.Builder().fileName(file).open()), people -> {
            fill(people);
            people.insertOne(everyType());
        });
        assertThat(occurrences(file, JAVA_SERIALISED)).as("the earlier form").isPositive();

        served(DurableH2Backend.open(file, StoreFileSettings.DEFAULT), people -> {
            answersAsFilled(people);
            assertThat(people.find(Filters.eq("_id", "all")).first()).isEqualTo(everyType());
            people.updateMany(Filters.lt("n", PEOPLE / 2), Updates.set("moved", true)); // half written again
        });
        // a page is written whole, in the new form, so the documents beside a changed one move too; the others stay
        Map<String, String> halfWritten = forms(file);
        assertThat(halfWritten).hasSize(PEOPLE + 1);
        for (int i = 0; i < PEOPLE / 2; i++) {
            assertThat(halfWritten).as("written again").containsEntry("p" + i, "new");
        }
        assertThat(halfWritten).as("not written again, still read").containsValue("earlier");
        served(DurableH2Backend.open(file, StoreFileSettings.DEFAULT), people -> {
            answersAsFilled(people);
            assertThat(people.countDocuments(Filters.eq("moved", true))).isEqualTo(PEOPLE / 2);
            people.updateMany(Filters.exists("_id"), Updates.set("moved", true)); // all of them (one had no n)
        });
        assertThat(forms(file)).as("once every document was written again").hasSize(PEOPLE + 1)
                .allSatisfy((id, form) -> assertThat(form).as(id).isEqualTo("new"));
        served(DurableH2Backend.open(file, StoreFileSettings.DEFAULT), StoredDocumentFormTest::answersAsFilled);
    }

    @Test
    void earlier_code_refuses_a_store_this_code_has_opened_at_start_rather_than_on_each_request() {
        String file = file();
        served(new H2Backend(new MVStore.Builder().fileName(file).open()), StoredDocumentFormTest::fill);
        served(DurableH2Backend.open(file, StoreFileSettings.DEFAULT), people -> people.find().first()); // opened once, nothing written
        // the library's own backend opens a database as the earlier code did: its catalogue first
        assertThatThrownBy(() -> new H2Backend(new MVStore.Builder().fileName(file).open()))
                .hasStackTraceContaining("Unknown tag 30");
    }

    static void fill(MongoCollection<Document> people) {
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            documents.add(new Document("_id", "p" + i).append("n", i).append("name", "Élodie 🚀 n°" + i)
                    .append("at", new Date(1_790_000_000_000L + i)).append("tags", List.of("a", i, new Document("k", i))));
        }
        people.insertMany(documents);
    }

    static void answersAsFilled(MongoCollection<Document> people) {
        for (int i = 0; i < PEOPLE; i++) {
            Document person = people.find(Filters.eq("_id", "p" + i)).first();
            assertThat(person).as("p%d", i).isNotNull();
            assertThat(person.getInteger("n")).isEqualTo(i);
            assertThat(person.getString("name")).isEqualTo("Élodie 🚀 n°" + i);
            assertThat(person.getDate("at")).isEqualTo(new Date(1_790_000_000_000L + i));
            assertThat(person.getList("tags", Object.class)).containsExactly("a", i, new Document("k", i));
        }
    }

    static Document everyType() {
        return new Document("_id", "all").append("string", "jusqu'à 15 € — 🙂").append("empty", "")
                .append("int", 42).append("long", 1L << 40).append("double", 2.5).append("nan", Double.NaN)
                .append("decimal", Decimal128.parse("12.3400")).append("true", true).append("false", false)
                .append("null", null).append("date", new Date(1_796_000_000_123L)).append("objectId", new ObjectId("6b171c1c9fda9b8365c481f1"))
                .append("binary", new Binary(new byte[]{0, 1, (byte) 0xff}))
                .append("uuid", new Binary(BsonBinarySubType.UUID_STANDARD, new byte[16]))
                .append("timestamp", new BsonTimestamp(1_700_000_000, 3))
                .append("regex", new BsonRegularExpression("^ca", "i"))
                .append("nested", new Document("a", new Document("b", List.of(1, "deux", List.of(3.0)))))
                .append("list", List.of()).append("mixed", List.of(1, 2L, "3", new Document()));
    }

    /** The form of each of the collection's live documents (by {@code _id}), read from the file as it is. */
    static Map<String, String> forms(String file) {
        Map<String, String> forms = new TreeMap<>();
        ObjectDataType earlier = new ObjectDataType();
        BasicDataType<Object> probe = new BasicDataType<>() {
            @Override
            public int getMemory(Object value) {
                return 64;
            }

            @Override
            public void write(WriteBuffer out, Object value) {
                throw new UnsupportedOperationException("read only");
            }

            @Override
            public Object read(ByteBuffer in) {
                boolean isNew = in.get(in.position()) == StoredDocumentType.FORM;
                de.bwaldvogel.mongo.bson.Document document =
                        (de.bwaldvogel.mongo.bson.Document) (isNew ? BsonValues.read(in) : earlier.read(in));
                forms.put(String.valueOf(document.get("_id")), isNew ? "new" : "earlier");
                return document;
            }

            @Override
            public Object[] createStorage(int size) {
                return new Object[size];
            }
        };
        MVStore store = new MVStore.Builder().fileName(file).readOnly().open();
        try {
            MVMap<Object, Object> documents = store.openMap(CopyOnWriteCollection.DOCUMENTS_MAP + "boussole.people",
                    new MVMap.Builder<Object, Object>().valueType(probe));
            documents.values().forEach(document -> { }); // each value read once, from the file
        } finally {
            store.close();
        }
        return forms;
    }

    static long occurrences(String file, String text) throws IOException {
        String content = new String(Files.readAllBytes(Path.of(file)), StandardCharsets.ISO_8859_1);
        long count = 0;
        for (int at = content.indexOf(text); at >= 0; at = content.indexOf(text, at + 1)) {
            count++;
        }
        return count;
    }

    /** Serves the backend while {@code use} runs, then closes both (the store's last commit included). */
    static void served(AbstractMongoBackend backend, Consumer<MongoCollection<Document>> use) {
        TypedIndexesTest.withClient(backend, use);
    }

    private String file() {
        return dir.resolve(EmbeddedStore.FILE_NAME).toString();
    }
}
