package fr.boussole.app.pipeline;

import fr.boussole.app.testing.ChatClient;
import fr.boussole.app.testing.CountingStore;
import fr.boussole.app.testing.Instances;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one web chat message costs the store, counted rather than timed: the commands the app sends
 * while {@value #MESSAGES} messages are answered one after the other (recording, the turn, the reply
 * wait, the abuse limits), and among them the writes that wait for durability. On the embedded store
 * each of those waits for a commit of its file before it is answered, in sequence on the message's path,
 * which is what bounded the web chat's throughput and latency (issue 12: 11.3 waited-for writes and
 * 26.8 commands per message). The polls are set apart (one an hour) so that only the messages count.
 * The worker's bookkeeping went from 8 commands to 5 (24.2 to 21.2 per message): the walk after a processed
 * message marks its rank done and reads the counter in one command; one read of the counter, after the live-work
 * listing is removed, decides both "settled" and "drain again"; a message recorded here behind done ranks is read
 * at its rank without the counter.
 */
class RoundTripsPerMessageIT {

    static final int MESSAGES = 30;

    static CountingStore store;
    static ConfigurableApplicationContext app;
    static ChatClient chat;

    @BeforeAll
    static void start() {
        store = new CountingStore();
        java.util.List<String> args = new java.util.ArrayList<>(java.util.Arrays.stream(Instances.FAST)
                .filter(a -> !a.startsWith("--boussole.pipeline.poll-interval")).toList());
        args.add("--boussole.pipeline.poll-interval=1h");
        args.add("--spring.mongodb.uri=" + store.uri());
        app = new org.springframework.boot.builder.SpringApplicationBuilder(fr.boussole.app.BoussoleApplication.class,
                fr.boussole.app.testing.TestPipelineConfiguration.class).run(args.toArray(String[]::new));
        chat = new ChatClient(((WebServerApplicationContext) app).getWebServer().getPort());
    }

    @AfterAll
    static void stop() {
        app.close();
        store.shutdown();
    }

    @Test
    void a_web_chat_message_waits_for_few_durable_writes() {
        for (int i = 0; i < 6; i++) { // first use of each collection and index, outside the measure
            assertThat(chat.say("roundtrips-warm-" + (i % 3), "bonjour").statusCode()).isEqualTo(200);
        }
        CountingStore.RoundTrips before = store.roundTrips();
        java.util.Map<String, Long> kindsBefore = store.byCommand();
        for (int i = 0; i < MESSAGES; i++) {
            assertThat(chat.say("roundtrips-" + (i % 3), i % 2 == 0 ? "bonjour" : "je cherche un emploi").statusCode()).isEqualTo(200);
        }
        CountingStore.RoundTrips spent = store.roundTrips().minus(before);
        java.util.Map<String, String> kinds = new java.util.TreeMap<>();
        store.byCommand().forEach((kind, n) -> {
            long delta = n - kindsBefore.getOrDefault(kind, 0L);
            if (delta > 0) {
                kinds.put(kind, String.format(java.util.Locale.ROOT, "%.2f", delta / (double) MESSAGES));
            }
        });
        double commands = spent.commands() / (double) MESSAGES;
        double writes = spent.writes() / (double) MESSAGES;
        double waited = spent.waitedWrites() / (double) MESSAGES;
        System.out.printf("RoundTripsPerMessageIT: per web chat message, %.1f store commands, %.1f writes, %.1f waited for durability: %s%n",
                commands, writes, waited, kinds);

        assertThat(waited).as("writes waited for per message (%.1f commands, %.1f writes)", commands, writes)
                .isLessThanOrEqualTo(3.0);
        // 24.2 before the counter reads were merged (issue 12); 21.3 after, with a conversation's first turn in an hour
        // listing it for the retention job (0.1 here); a little room for the races between recording and draining
        assertThat(commands).as("store commands per message").isLessThanOrEqualTo(22.0);
    }
}
