package fr.boussole.store;

import fr.boussole.testing.TestClock;
import de.bwaldvogel.mongo.MongoServer;
import fr.boussole.testing.InMemoryStore;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: one in-memory MongoDB server for the whole run, reached through
 * the real driver and Spring Data; every test starts from empty collections and the start clock.
 */
@SpringBootTest(classes = StoreTestApplication.class, properties = "boussole.store.demo.enabled=false")
public abstract class StoreIntegrationTest {

    private static final MongoServer SERVER = startServer();

    @Autowired
    protected MongoTemplate mongo;
    @Autowired
    protected TestClock clock;

    private static MongoServer startServer() {
        MongoServer server = new MongoServer(new InMemoryStore());
        server.bind("127.0.0.1", 0);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        return server;
    }

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        InetSocketAddress address = SERVER.getLocalAddress();
        registry.add("spring.mongodb.uri",
                () -> "mongodb://127.0.0.1:" + address.getPort() + "/boussole-test");
    }

    @BeforeEach
    void emptyStore() {
        for (String collection : mongo.getCollectionNames()) {
            if (!collection.startsWith("system.")) {
                mongo.getCollection(collection).deleteMany(new org.bson.Document());
            }
        }
        clock.set(TestClock.START);
    }
}
