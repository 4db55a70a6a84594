package fr.boussole.console.support;

import fr.boussole.core.delivery.DeliveryPayload;
import fr.boussole.testing.RecordingOutbox;
import fr.boussole.testing.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Base of the console's integration tests: one shared Spring context on the in-memory MongoDB server,
 * MockMvc and a real port (for the browser test). Emails stay in the in-memory outbox (the console
 * sends none itself: the channels module does), where {@link #emailTo} reads them.
 */
@SpringBootTest(classes = ConsoleTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
public abstract class ConsoleIntegrationTest {

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected Fixtures fixtures;
    @Autowired
    protected TestClock clock;
    @Autowired
    protected RecordingOutbox outbox;
    @Autowired
    private org.springframework.data.mongodb.core.MongoTemplate mongo;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", ConsoleTestApplication::mongoUri);
    }

    /** The emails handed to the outbox for this recipient, in the order they came. */
    protected java.util.List<DeliveryPayload.Email> emailsTo(String recipient) {
        return outbox.enqueued().values().stream().filter(d -> d.recipient().equals(recipient))
                .map(d -> (DeliveryPayload.Email) d.payload()).toList();
    }

    /** The one email handed to the outbox for this recipient. */
    protected DeliveryPayload.Email emailTo(String recipient) {
        var emails = emailsTo(recipient);
        org.assertj.core.api.Assertions.assertThat(emails).as("emails to " + recipient).hasSize(1);
        return emails.getFirst();
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
