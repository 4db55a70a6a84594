package fr.boussole.testing;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.function.Consumer;

/**
 * The MongoDB of a test that works on the store itself: an {@link InMemoryStore} served by mongo-java-server, and
 * a client of the real driver on it. Registered in a field ({@code @RegisterExtension final TestStore store = new
 * TestStore();}), each test gets a store of its own, started before it and closed after it; registered in a static
 * field, the tests of the class share one, closed after the last of them.
 * <p>
 * Needs mongo-java-server and the MongoDB driver on the test class path, and Spring Data MongoDB for
 * {@link #mongo()} (optional here: a module that uses this class declares them).
 */
public final class TestStore implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    /** The database the product uses, and the one {@link #uri()} and {@link #mongo()} name. */
    public static final String DATABASE = "boussole";

    private final Consumer<MongoClientSettings.Builder> clientSettings;
    /** Set by JUnit calling beforeAll, which it does only for an extension held in a static field. */
    private boolean perClass;
    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;

    public TestStore() {
        this(settings -> { });
    }

    /** A store whose client is built with more settings than its address (a test that listens to the commands). */
    public TestStore(Consumer<MongoClientSettings.Builder> clientSettings) {
        this.clientSettings = clientSettings;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass) {
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    private void start() {
        server = new MongoServer(new InMemoryStore());
        server.bind();
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.getConnectionString()));
        clientSettings.accept(settings);
        client = MongoClients.create(settings.build());
    }

    private void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.shutdownNow();
        }
        // one extension may serve several tests (a test class with one instance for all): the next gets its own
        client = null;
        server = null;
        mongo = null;
    }

    /** The driver's client on this store, closed with it. */
    public MongoClient client() {
        return client;
    }

    /** The address of database {@value #DATABASE} on this store, for code that opens clients of its own. */
    public String uri() {
        return server.getConnectionString() + "/" + DATABASE;
    }

    /** Spring Data on database {@value #DATABASE}, through {@link #client()}. */
    public synchronized MongoTemplate mongo() {
        // made when first asked for, so that a module without Spring Data can use the rest of this class
        if (mongo == null) {
            mongo = new MongoTemplate(client, DATABASE);
        }
        return mongo;
    }
}
