package fr.boussole.app.rights;

import fr.boussole.app.testing.ChatClient;
import fr.boussole.app.testing.CountingStore;
import fr.boussole.app.testing.FinishedHistory;
import fr.boussole.app.testing.Instances;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hourly retention run costs what it prunes, not what the store holds, counted in documents the store
 * examines (its {@code docsExamined}): after {@value #HISTORY} messages received and {@value #HISTORY}
 * deliveries that are not yet due, a run that prunes a few web chat messages and their replies examines a
 * few documents for each. It walked both collections whole (found by status and date, which the embedded
 * store answers by a walk while holding the collection): 37 s at 100,000 messages, the pipeline at 2 msg/s
 * meanwhile. The history is written as the code before the retention lists left it; the first run lists it,
 * once, by one walk.
 */
class RetentionScaleIT {

    static final int HISTORY = 20_000;
    static final int MESSAGES = 6;

    static CountingStore store;
    static ConfigurableApplicationContext app;
    static ChatClient chat;

    @BeforeAll
    static void start() {
        store = new CountingStore();
        // the job must not run by itself during the test: only when the test calls it
        app = Instances.start("spring.mongodb.uri=" + store.uri(), "boussole.retention.first-check=P1D");
        chat = new ChatClient(((WebServerApplicationContext) app).getWebServer().getPort());
    }

    @AfterAll
    static void stop() {
        app.close();
        store.shutdown();
    }

    @Test
    void a_retention_run_examines_what_it_prunes_not_the_history() {
        // a month and a day on: what is said now is past the 30 days, the history (a day old then) is not
        Instant now = Instant.now().plus(Duration.ofDays(31));
        FinishedHistory.add(app.getBean(MongoTemplate.class), HISTORY, now.minus(Duration.ofDays(1)));
        RetentionJob job = app.getBean(RetentionJob.class);
        job.run(now); // lists, once, what was stored before the lists existed

        for (int i = 0; i < MESSAGES; i++) {
            assertThat(chat.say("retention-scale-" + (i % 2), "message " + i).statusCode()).isEqualTo(200);
        }
        // the two conversations go on (an idle one is erased, which is not what is measured here)
        app.getBean(MongoTemplate.class).updateMulti(new org.springframework.data.mongodb.core.query.Query(),
                new org.springframework.data.mongodb.core.query.Update().set("updatedAt", Date.from(now)), "conversations");
        Map<String, Long> before = store.examined();
        RetentionJob.Report report = job.run(now);
        Map<String, Long> spent = store.examinedSince(before);
        long examined = spent.values().stream().mapToLong(Long::longValue).sum();
        int pruned = report.inboundPruned() + report.outboundPruned();
        System.out.printf("RetentionScaleIT: a run pruning %d records with %d more not due examined %d documents: %s%n",
                pruned, 2 * HISTORY, examined, spent);

        assertThat(report.inboundPruned()).as("the web chat messages, past their time").isEqualTo(MESSAGES);
        assertThat(report.outboundPruned()).as("their replies").isGreaterThanOrEqualTo(MESSAGES);
        assertThat(app.getBean(MongoTemplate.class).getCollection("inbound_messages").countDocuments())
                .as("the history stays: not due").isEqualTo(HISTORY);
        assertThat(examined).as("documents examined by a run that pruned %d (%s)", pruned, spent)
                .isLessThanOrEqualTo(20L * pruned + 200);
    }
}
