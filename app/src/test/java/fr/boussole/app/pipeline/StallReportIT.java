package fr.boussole.app.pipeline;

import de.bwaldvogel.mongo.MongoServer;
import fr.boussole.app.testing.ChatClient;
import fr.boussole.app.testing.Instances;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.pipeline.conversation.Conversations;
import fr.boussole.pipeline.conversation.Leases;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A web chat wait held up past {@code stall-report-after} leaves in the log what every thread was doing at that
 * moment, once however many waits see the stall, and is counted. The stall here is a conversation held by a
 * worker that does not move (its lease taken and kept, as by a process paused or stuck in a call): the young
 * person's message stays pending, is answered 504, and goes through once the conversation is free. Fails on the
 * code before, where such a wait left nothing in the log (issue 12's benchmark saw every wait of a fresh app run
 * out at once, and nothing told why).
 */
@ExtendWith(OutputCaptureExtension.class)
class StallReportIT {

    private static final String HEADER = "A web chat reply has been awaited for ";

    @Test
    void a_stalled_wait_logs_the_threads_once_and_the_message_goes_through_when_the_stall_ends(CapturedOutput output) {
        MongoServer store = Instances.memoryStore();
        try (ConfigurableApplicationContext app = Instances.start("spring.mongodb.uri=" + Instances.uri(store),
                "boussole.pipeline.web-reply-timeout=3s", "boussole.pipeline.stall-report-after=1s")) {
            ChatClient chat = new ChatClient(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
            String session = "stall-report-session-0001";
            String lease = "conversation:" + app.getBean(Conversations.class).ref(new ConversationKey(Channel.WEB, session));
            Leases leases = app.getBean(Leases.class);
            assertThat(leases.tryAcquire(lease, "a-stuck-worker", Instant.now(), Duration.ofMinutes(5))).isTrue();

            assertThat(chat.say(session, "bonjour").statusCode()).isEqualTo(504);
            assertThat(chat.say(session, "tu es là ?").statusCode()).isEqualTo(504);

            String log = output.getAll();
            assertThat(log.split(HEADER, -1)).as("one report for the two waits").hasSize(2);
            String report = log.substring(log.indexOf(HEADER));
            Matcher nextLine = Pattern.compile("\n\\d{4}-\\d{2}-\\d{2}").matcher(report);
            report = nextLine.find() ? report.substring(0, nextLine.start()) : report;
            assertThat(report).contains("stall-report-after: 1000 ms").contains(" threads\n\n")
                    .containsPattern("threads?: inbound-\\d").contains("outbox-dispatch")
                    .doesNotContain("bonjour").doesNotContain(session);
            assertThat(app.getBean(MeterRegistry.class).counter("boussole.processing.stalled.waits").count())
                    .isEqualTo(2.0);

            leases.release(lease, "a-stuck-worker");
            HttpResponse<String> next = chat.say(session, "salut");
            assertThat(next.statusCode()).isEqualTo(200);
            Instances.await("the two stalled messages' replies in the session's news", Duration.ofSeconds(30), () ->
                    chat.get("/api/chat/" + session + "/news", "application/json").body().contains("\"text\""));
        } finally {
            store.shutdownNow();
        }
    }
}
