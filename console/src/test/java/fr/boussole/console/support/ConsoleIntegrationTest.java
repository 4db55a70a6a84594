package fr.boussole.console.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Base of the console's integration tests: one shared Spring context on the in-memory MongoDB server,
 * mail to GreenMail on {@link #SMTP_PORT}, MockMvc and a real port (for the browser test).
 */
@SpringBootTest(classes = ConsoleTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
public abstract class ConsoleIntegrationTest {

    /** A free port, so that two builds on one machine never meet on the same SMTP server. */
    public static final int SMTP_PORT = freePort();

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected Fixtures fixtures;
    @Autowired
    protected MutableClock clock;
    @Autowired
    protected DeliveringOutbox outbox;
    @Autowired
    private org.springframework.data.mongodb.core.MongoTemplate mongo;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", ConsoleTestApplication::mongoUri);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @BeforeEach
    void resetClockAndOutbox() {
        clock.set(ConsoleTestApplication.START);
        outbox.clear();
        // Every test starts at the same instant, so failed sign-ins from the test client's address would add
        // up over the whole suite and block it: each test starts with that count empty.
        mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").regex("^(reset-)?address:")), "console_login_throttle");
    }
}
