package fr.boussole.app.pipeline;

import de.bwaldvogel.mongo.MongoServer;
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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
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
    void a_stalled_wait_logs_the_threads_once_and_the_message_goes_through_when_the_stall_ends(CapturedOutput output)
            throws Exception {
        MongoServer store = Instances.memoryStore();
        try (ConfigurableApplicationContext app = Instances.start("spring.mongodb.uri=" + Instances.uri(store),
                "boussole.pipeline.web-reply-timeout=3s", "boussole.pipeline.stall-report-after=1s")) {
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            String session = "stall-report-session-0001";
            String lease = "conversation:" + app.getBean(Conversations.class).ref(new ConversationKey(Channel.WEB, session));
            Leases leases = app.getBean(Leases.class);
            assertThat(leases.tryAcquire(lease, "a-stuck-worker", Instant.now(), Duration.ofMinutes(5))).isTrue();

            assertThat(post(base, session, "bonjour").statusCode()).isEqualTo(504);
            assertThat(post(base, session, "tu es là ?").statusCode()).isEqualTo(504);

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
            HttpResponse<String> next = post(base, session, "salut");
            assertThat(next.statusCode()).isEqualTo(200);
            Instances.await("the two stalled messages' replies in the session's news", Duration.ofSeconds(30), () ->
                    get(base + "/api/chat/" + session + "/news").body().contains("\"text\""));
        } finally {
            store.shutdownNow();
        }
    }

    private static HttpResponse<String> post(String base, String session, String text) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(base + "/api/chat/" + session + "/messages"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + text + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private static HttpResponse<String> get(String url) {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
