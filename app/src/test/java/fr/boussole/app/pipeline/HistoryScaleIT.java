package fr.boussole.app.pipeline;

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

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline's cost stays flat as history grows, counted in documents the store examines (its
 * {@code docsExamined}), not in time: the same web chat traffic on a fresh store, then again after
 * {@value #HISTORY} finished messages and {@value #HISTORY} sent replies were added. Everything the
 * pipeline does meanwhile counts, its polls included. Fails when any hot path (a poll, a lookup of
 * pending work, a claim, a status change) scans a collection that keeps the history: on the embedded
 * store only {@code _id} and unique indexes serve a query, so such a scan grows with every message ever
 * received.
 */
class HistoryScaleIT {

    static final int HISTORY = 20_000;
    static final int MESSAGES = 30;

    static CountingStore store;
    static ConfigurableApplicationContext app;
    static ChatClient chat;

    @BeforeAll
    static void start() {
        store = new CountingStore();
        app = Instances.start("spring.mongodb.uri=" + store.uri());
        chat = new ChatClient(((WebServerApplicationContext) app).getWebServer().getPort());
    }

    @AfterAll
    static void stop() {
        app.close();
        store.shutdown();
    }

    @Test
    void documents_examined_per_message_do_not_grow_with_the_history() {
        traffic("warm-up", 5); // first use of each collection and index, outside the measure
        Cost fresh = traffic("fresh", MESSAGES);
        FinishedHistory.add(app.getBean(MongoTemplate.class), HISTORY, Instant.parse("2026-01-15T10:00:00Z"));
        Cost afterHistory = traffic("history", MESSAGES);

        System.out.printf("HistoryScaleIT: documents examined per message, fresh store %.1f %s; after %d finished"
                + " messages and replies %.1f %s%n", fresh.perMessage(), fresh.byCollection(), HISTORY,
                afterHistory.perMessage(), afterHistory.byCollection());
        assertThat(afterHistory.perMessage()).as("documents examined per message after the history (fresh: %.1f, %s; after: %s)",
                        fresh.perMessage(), fresh.byCollection(), afterHistory.byCollection())
                .isLessThanOrEqualTo(fresh.perMessage() * 1.5 + 10);
    }

    record Cost(double perMessage, Map<String, Long> byCollection) {}

    /** Sends messages in three sessions, each answered before the next; what the store examined meanwhile. */
    private static Cost traffic(String run, int messages) {
        Map<String, Long> before = store.examined();
        for (int i = 0; i < messages; i++) {
            assertThat(chat.say("scale-" + run + "-" + (i % 3), "message " + i).statusCode()).isEqualTo(200);
        }
        Map<String, Long> spent = store.examinedSince(before);
        return new Cost(spent.values().stream().mapToLong(Long::longValue).sum() / (double) messages, spent);
    }
}
