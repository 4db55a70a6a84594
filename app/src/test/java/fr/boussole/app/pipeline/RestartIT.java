package fr.boussole.app.pipeline;

import fr.boussole.pipeline.conversation.ConversationProcessor;
import fr.boussole.pipeline.conversation.Conversations;
import fr.boussole.pipeline.inbound.InboundMessage;
import fr.boussole.pipeline.inbound.InboundMessages;
import fr.boussole.pipeline.inbound.InboundStatus;
import fr.boussole.pipeline.outbox.MongoOutbox;
import fr.boussole.app.testing.EchoEngine;
import fr.boussole.app.testing.InMemoryContactRequests;
import fr.boussole.app.testing.Instances;
import fr.boussole.app.testing.ScriptedSmsDeliverer;
import fr.boussole.core.delivery.DeliveryPayload;
import fr.boussole.core.delivery.DeliveryResult;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.message.Inbound;
import fr.boussole.core.message.Inbox;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static fr.boussole.app.testing.Instances.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded store keeps everything across a restart, and work left half-done by a stopped
 * instance (pending messages, a turn stored without its effects, deliveries not yet sent) is
 * completed by the next one, nothing twice.
 */
class RestartIT {

    @TempDir
    Path dataDir;

    @AfterEach
    void reset() {
        ScriptedSmsDeliverer.script = ScriptedSmsDeliverer::accepted;
        InMemoryContactRequests.FAILURES.set(0);
    }

    @Test
    void work_left_by_a_stopped_instance_is_completed_by_the_next_one_on_the_same_data() {
        ConversationKey key = new ConversationKey(Channel.SMS, "+33655555555");
        String dir = "boussole.data-dir=" + dataDir;
        // the provider is down during the first run: replies stay in the outbox, to be retried in 3 s
        ScriptedSmsDeliverer.script = d -> new DeliveryResult.Retry("503", Duration.ofSeconds(3));
        try (ConfigurableApplicationContext before = Instances.start(dir)) {
            Inbox inbox = before.getBean(Inbox.class);
            InboundMessages inbound = before.getBean(InboundMessages.class);
            inbox.accept(Inbound.text("SMr1", key, "one", Instant.now()));
            await("first processed", Duration.ofSeconds(30),
                    () -> inbound.all(key).getFirst().status() == InboundStatus.PROCESSED);
            // the store fails during the effects of the next turn, and keeps failing until the stop
            InMemoryContactRequests.FAILURES.set(1000);
            inbox.accept(Inbound.text("SMr2", key, "contact", Instant.now()));
            await("turn stored, effects failed", Duration.ofSeconds(30), () -> inbound.all(key).get(1).attempts() >= 1);
            before.getBean(ConversationProcessor.class).stop();
            inbox.accept(Inbound.text("SMr3", key, "three", Instant.now()));
            assertThat(inbound.all(key)).extracting(InboundMessage::status)
                    .containsExactly(InboundStatus.PROCESSED, InboundStatus.PENDING, InboundStatus.PENDING);
            assertThat(before.getBean(MongoOutbox.class).entries(key)).extracting(d -> d.getString("status"))
                    .containsExactly("PENDING");
        }
        assertThat(Files.exists(dataDir.resolve("boussole.mv"))).isTrue();

        InMemoryContactRequests.FAILURES.set(0);
        ScriptedSmsDeliverer.script = ScriptedSmsDeliverer::accepted;
        try (ConfigurableApplicationContext after = Instances.start(dir)) {
            InboundMessages inbound = after.getBean(InboundMessages.class);
            MongoOutbox outbox = after.getBean(MongoOutbox.class);
            await("everything completed", Duration.ofSeconds(30), () ->
                    inbound.all(key).stream().allMatch(m -> m.status() == InboundStatus.PROCESSED)
                            && outbox.entries(key).size() == 3
                            && outbox.entries(key).stream().allMatch(d -> d.getString("status").equals("SENT")));

            assertThat(EchoEngine.CALLS.get("SMr1").get()).isEqualTo(1);
            assertThat(EchoEngine.CALLS.get("SMr2").get()).as("the stored turn is replayed, not recomputed").isEqualTo(1);
            assertThat(EchoEngine.CALLS.get("SMr3").get()).isEqualTo(1);
            assertThat(after.getBean(Conversations.class).load(key).state().values().get("count")).isEqualTo(3L);
            List<String> sent = ScriptedSmsDeliverer.ATTEMPTS.stream()
                    .filter(d -> key.equals(d.conversation()))
                    .map(d -> ((DeliveryPayload.Chat) d.payload()).message().text()).distinct().toList();
            assertThat(sent).containsExactly("echo 1: one", "contact 2", "echo 3: three");
            assertThat(outbox.entries(key)).extracting(d -> d.getString("providerId")).doesNotContainNull();
            assertThat(InMemoryContactRequests.RECORDED.values()).filteredOn(r -> r.createdAt() != null).isNotEmpty();
            Document first = outbox.entries(key).getFirst();
            assertThat(first.getInteger("attempts")).isBetween(2, 3);
        }
    }
}
