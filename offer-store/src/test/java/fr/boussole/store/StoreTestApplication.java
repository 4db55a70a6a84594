package fr.boussole.store;

import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The store alone, on an in-memory MongoDB server, with a clock the tests move. */
@SpringBootApplication
public class StoreTestApplication {

    @Bean
    TestClock clock() {
        return new TestClock();
    }
}
