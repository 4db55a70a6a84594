package fr.boussole.app.testing;

import fr.boussole.testing.Await;
import de.bwaldvogel.mongo.MongoServer;
import fr.boussole.testing.InMemoryStore;
import fr.boussole.app.BoussoleApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Starts application contexts for tests that need several instances or a restart. */
public final class Instances {

    /** Short delays so that retries and polls happen within a test. */
    public static final String[] FAST = {
            "--server.port=0",
            "--boussole.pipeline.poll-interval=100ms",
            "--boussole.pipeline.processing-backoff=50ms",
            "--boussole.pipeline.delivery-backoff=50ms",
            "--boussole.pipeline.lease=5s",
            "--boussole.pipeline.processing-attempts=3",
            "--boussole.pipeline.delivery-attempts=3",
            "--spring.main.banner-mode=off",
    };

    private Instances() {}

    public static MongoServer memoryStore() {
        MongoServer server = new MongoServer(new InMemoryStore());
        server.bind();
        return server;
    }

    public static String uri(MongoServer server) {
        return server.getConnectionString() + "/boussole";
    }

    /** Properties as "name=value"; given as command-line arguments, so they win over application.yml. */
    public static ConfigurableApplicationContext start(String... properties) {
        List<String> all = new ArrayList<>(List.of(FAST));
        for (String property : properties) {
            all.add("--" + property);
        }
        return new SpringApplicationBuilder(BoussoleApplication.class, TestPipelineConfiguration.class)
                .run(all.toArray(String[]::new));
    }

    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        Await.until(what, timeout, condition::getAsBoolean);
    }
}
