package fr.boussole.app.pipeline;

import de.bwaldvogel.mongo.MongoServer;
import fr.boussole.pipeline.conversation.Conversations;
import fr.boussole.pipeline.inbound.InboundMessage;
import fr.boussole.pipeline.inbound.InboundMessages;
import fr.boussole.pipeline.inbound.InboundStatus;
import fr.boussole.pipeline.outbox.MongoOutbox;
import fr.boussole.app.testing.EchoEngine;
import fr.boussole.app.testing.Instances;
import fr.boussole.app.testing.ScriptedSmsDeliverer;
import fr.boussole.core.delivery.DeliveryPayload;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.message.Inbound;
import fr.boussole.core.message.Inbox;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static fr.boussole.app.testing.Instances.await;
import static org.assertj.core.api.Assertions.assertThat;

/** Two application instances on one store share the work and still keep order and once-only processing. */
class TwoInstancesIT {

    @Test
    void two_instances_on_one_store_process_every_message_once_in_order() throws Exception {
        MongoServer store = Instances.memoryStore();
        String uri = "spring.mongodb.uri=" + Instances.uri(store);
        try (ConfigurableApplicationContext first = Instances.start(uri);
             ConfigurableApplicationContext second = Instances.start(uri)) {
            Inbox[] inboxes = {first.getBean(Inbox.class), second.getBean(Inbox.class)};
            List<ConversationKey> keys = new ArrayList<>();
            for (int c = 0; c < 6; c++) {
                keys.add(new ConversationKey(Channel.SMS, "+3370000000" + c));
            }
            int perConversation = 15;
            ExecutorService posters = Executors.newFixedThreadPool(6);
            List<Future<?>> posted = new ArrayList<>();
            for (ConversationKey key : keys) {
                posted.add(posters.submit(() -> {
                    for (int i = 0; i < perConversation; i++) {
                        // alternate instances, and deliver every message twice (once to each)
                        Inbound message = Inbound.text("SM2i" + key.address() + "-" + i, key, "m" + i, Instant.now());
                        assertThat(inboxes[i % 2].accept(message)).isEqualTo(Inbox.Acceptance.ACCEPTED);
                        assertThat(inboxes[(i + 1) % 2].accept(message)).isEqualTo(Inbox.Acceptance.DUPLICATE);
                    }
                    return null;
                }));
            }
            for (Future<?> f : posted) {
                f.get();
            }
            posters.shutdown();

            InboundMessages inbound = first.getBean(InboundMessages.class);
            MongoOutbox outbox = first.getBean(MongoOutbox.class);
            await("all processed and delivered", Duration.ofSeconds(90), () -> keys.stream().allMatch(key ->
                    inbound.all(key).stream().allMatch(m -> m.status() == InboundStatus.PROCESSED)
                            && outbox.entries(key).size() == perConversation
                            && outbox.entries(key).stream().allMatch(d -> d.getString("status").equals("SENT"))));

            for (ConversationKey key : keys) {
                List<String> arrival = inbound.all(key).stream().map(m -> m.inbound().text()).toList();
                assertThat(arrival).hasSize(perConversation);
                @SuppressWarnings("unchecked")
                List<String> history = (List<String>) first.getBean(Conversations.class).load(key).state().values().get("history");
                assertThat(history).containsExactlyElementsOf(arrival);
                for (InboundMessage m : inbound.all(key)) {
                    assertThat(EchoEngine.CALLS.get(m.inbound().providerMessageId()).get()).isEqualTo(1);
                }
                List<String> sent = ScriptedSmsDeliverer.ATTEMPTS.stream().filter(d -> key.equals(d.conversation()))
                        .map(d -> ((DeliveryPayload.Chat) d.payload()).message().text()).toList();
                List<String> expected = new ArrayList<>();
                for (int i = 0; i < perConversation; i++) {
                    expected.add("echo " + (i + 1) + ": " + arrival.get(i));
                }
                assertThat(sent).containsExactlyElementsOf(expected);
                assertThat(outbox.entries(key)).extracting(d -> d.getInteger("attempts")).containsOnly(1);
            }
            double firstProcessed = first.getBean(MeterRegistry.class).timer("boussole.processing.latency").count();
            double secondProcessed = second.getBean(MeterRegistry.class).timer("boussole.processing.latency").count();
            assertThat(firstProcessed + secondProcessed).isEqualTo(keys.size() * perConversation);
            assertThat(firstProcessed).as("both instances took part").isPositive();
            assertThat(secondProcessed).as("both instances took part").isPositive();
        } finally {
            store.shutdownNow();
        }
    }
}
