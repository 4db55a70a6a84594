package fr.boussole.pipeline.model;

import fr.boussole.testing.TestStore;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.privacy.PersonalData;
import fr.boussole.pipeline.inbound.InboundMessages;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static fr.boussole.pipeline.model.StaleWorkerTest.SETTINGS;
import static fr.boussole.pipeline.model.StaleWorkerTest.await;

/**
 * An instance settling a conversation removes it from the live work ({@code inbound_due}), then lists it again
 * if a message was counted meanwhile. Killed between the two, after that message's own commit made the removal
 * durable, it leaves an acknowledged message pending and listed nowhere. The store is written here as such a
 * crash leaves it; the next start must answer the message without waiting for the young person to write again.
 */
class SettleCrashTest {

    @RegisterExtension
    final TestStore store = new TestStore();
    final PersonalData keys = PersonalData.generate();
    final List<String> sent = new CopyOnWriteArrayList<>();
    final List<PipelineInstance> instances = new ArrayList<>();

    @AfterEach
    void stop() {
        instances.forEach(PipelineInstance::close);
    }

    @Test
    void a_message_whose_conversation_a_crash_took_out_of_the_live_work_is_answered_at_the_next_start() {
        ConversationKey lea = new ConversationKey(Channel.SMS, "+33611000005");
        String ref = keys.conversationRef(lea);
        String id = InboundMessages.idOf(Channel.SMS, "SMforgotten");
        Date past = Date.from(Instant.now().minusSeconds(5));
        MongoTemplate mongo = store.mongo();
        // a store in use since the live-work collections exist: the one-time migration that walks history has run
        mongo.insert(new Document("_id", "live-work-v1"), "pipeline_migrations");
        // rank 1 done and settled earlier; rank 2 recorded (and acknowledged) while rank 1's settle ran; no listing
        mongo.insert(new Document("_id", ref).append("next", 2L).append("done", 1L).append("at", past), "inbound_sequences");
        mongo.insert(new Document("_id", id).append("channel", "sms").append("providerMessageId", "SMforgotten")
                .append("conversation", ref).append("address", keys.seal(lea.address(), InboundMessages.field(id, "address")))
                .append("sequence", 2L).append("text", keys.seal("forgotten", InboundMessages.field(id, "text")))
                .append("status", "PENDING").append("attempts", 0).append("cas", id + "#0")
                .append("receivedAt", past).append("acceptedAt", past).append("nextAttemptAt", past), "inbound_messages");

        instances.add(PipelineInstance.start("A", store.uri(), Clock.systemUTC(), new StaleWorkerTest.Scripted(() -> { }), StaleWorkerTest.recording(sent), keys,
                SETTINGS));

        await("the forgotten message answered", () -> sent.contains("echo forgotten"));
    }
}
