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

    public static final int SMTP_PORT = 3925;

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected Fixtures fixtures;
    @Autowired
    protected MutableClock clock;
    @Autowired
    protected DeliveringOutbox outbox;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", ConsoleTestApplication::mongoUri);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @BeforeEach
    void resetClockAndOutbox() {
        clock.set(ConsoleTestApplication.START);
        outbox.clear();
    }
}
