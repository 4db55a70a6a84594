package fr.boussole.pipeline.model;

import fr.boussole.testing.Await;
import fr.boussole.testing.TestStore;
import fr.boussole.core.conversation.ConversationEngine;
import fr.boussole.core.conversation.ConversationState;
import fr.boussole.core.conversation.DialogEvent;
import fr.boussole.core.conversation.Turn;
import fr.boussole.core.delivery.Deliverer;
import fr.boussole.core.delivery.Delivery;
import fr.boussole.core.delivery.DeliveryPayload;
import fr.boussole.core.delivery.DeliveryResult;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.message.Inbound;
import fr.boussole.core.message.OutboundMessage;
import fr.boussole.core.offer.SearchLog;
import fr.boussole.core.privacy.PersonalData;
import fr.boussole.core.rights.DataRights;
import fr.boussole.core.rights.DataSubject;
import fr.boussole.pipeline.conversation.ConversationProcessor;
import fr.boussole.pipeline.inbound.InboundMessages;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Date;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A worker that lost its conversation (its JVM paused longer than the lease: GC, a stopped VM) and
 * wakes up in the middle of a turn's effects must not change what happened meanwhile; and a record
 * that cannot be opened must not stop the work of others. Two pipeline instances on one store; the
 * pause is held in instance A's search log, which a turn's effects call.
 */
class StaleWorkerTest {

    static final Duration LEASE = Duration.ofMillis(300);
    static final Map<String, Object> SETTINGS = Map.of("boussole.pipeline.poll-interval", "50ms",
            "boussole.pipeline.lease", LEASE.toMillis() + "ms", "boussole.pipeline.processing-backoff", "20ms",
            "boussole.pipeline.delivery-backoff", "20ms", "boussole.pipeline.max-backoff", "100ms");

    @RegisterExtension
    final TestStore store = new TestStore();
    final PersonalData keys = PersonalData.generate();
    final List<String> sent = new CopyOnWriteArrayList<>();
    final List<PipelineInstance> instances = new ArrayList<>();
    /** Instance A's search log holds the turn while this is closed. */
    final CountDownLatch wakeUp = new CountDownLatch(1);
    final CountDownLatch paused = new CountDownLatch(1);
    /** The engine holds a turn on "trois" while this is closed. */
    final CountDownLatch holding = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        wakeUp.countDown();
        release.countDown();
        instances.forEach(PipelineInstance::close);
    }

    PipelineInstance start(String name, SearchLog searches) {
        PipelineInstance instance = PipelineInstance.start(name, store.uri(), Clock.systemUTC(), new Scripted(this::holdTrois), provider(), keys,
                SETTINGS, searches);
        instances.add(instance);
        return instance;
    }

    /** A's search log: the first search of a turn holds it until the test wakes it up. */
    SearchLog pausing() {
        return (search, id) -> {
            paused.countDown();
            try {
                wakeUp.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    void holdTrois() {
        holding.countDown();
        awaitQuietly(release);
    }

    static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Deliverer provider() {
        return recording(sent);
    }

    /** An SMS provider that takes everything and keeps the texts sent, in order. */
    static Deliverer recording(List<String> sent) {
        return new Deliverer() {
            @Override
            public Channel channel() {
                return Channel.SMS;
            }

            @Override
            public DeliveryResult deliver(Delivery delivery) {
                sent.add(((DeliveryPayload.Chat) delivery.payload()).message().text());
                return new DeliveryResult.Sent("P" + delivery.id() + sent.size());
            }
        };
    }

    static Inbound sms(ConversationKey key, String id, String text) {
        return Inbound.text(id, key, text, Instant.now());
    }

    @Test
    void a_paused_worker_waking_up_after_an_opt_in_does_not_mute_the_conversation() throws Exception {
        ConversationKey lea = new ConversationKey(Channel.SMS, "+33611000001");
        PipelineInstance a = start("A", pausing());
        a.inbox().accept(sms(lea, "SMstop", "stop")); // A stores the turn, then pauses in its effects
        assertThat(paused.await(20, TimeUnit.SECONDS)).isTrue();
        PipelineInstance b = start("B", (search, id) -> { });
        // B takes the conversation over once A's lease runs out, completes "stop", then takes "start"
        await("B completes the stop", () -> sent.contains("bye"));
        b.inbox().accept(sms(lea, "SMstart", "start"));
        await("Lea opted in again", () -> sent.contains("welcome back"));

        wakeUp.countDown(); // A wakes up and carries on with the turn it had begun
        Thread.sleep(LEASE.toMillis());
        b.inbox().accept(sms(lea, "SMhello", "hello"));

        await("the reply to a message after the opt-in", () -> sent.contains("echo hello"));
    }

    @Test
    void a_paused_worker_waking_up_after_an_erasure_does_not_bring_back_what_was_erased() throws Exception {
        ConversationKey lea = new ConversationKey(Channel.SMS, "+33611000002");
        PipelineInstance a = start("A", pausing());
        a.inbox().accept(sms(lea, "SMsecret", "secret")); // turn stored; A pauses before writing its reply
        assertThat(paused.await(20, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(LEASE.multipliedBy(2).toMillis()); // A's lease has run out: the erasure may take the conversation

        a.bean(DataRights.class).erase(new DataSubject.Phone(lea.address()), Instant.now()); // the animateur erases Lea
        wakeUp.countDown();
        Thread.sleep(LEASE.multipliedBy(4).toMillis()); // A writes its effects, looks, and would have sent by now

        MongoTemplate mongo = store.mongo();
        List<Document> replies = mongo.findAll(Document.class, "outbox");
        assertThat(replies).as("no reply left with a text or an address").allSatisfy(entry -> {
            assertThat(entry.getString("recipient")).isEqualTo("erased");
            assertThat(entry.getString("status")).isNotEqualTo("PENDING");
        });
        assertThat(sent).as("nothing of the erased conversation sent").doesNotContain("echo secret");
    }

    /**
     * A worker paused after it marked a message processed and before it marked the message's rank done on the
     * conversation's counter; meanwhile the conversation is erased and the young person writes again, on a new counter
     * counting from 1. Back, the worker must not mark the new counter's first ranks done: "quatre" was skipped for good.
     */
    @Test
    void a_paused_worker_waking_up_after_an_erasure_does_not_skip_the_messages_written_since() throws Exception {
        ConversationKey lea = new ConversationKey(Channel.SMS, "+33611000005");
        PipelineInstance a = start("A", (search, id) -> { });
        String deux = InboundMessages.idOf(Channel.SMS, "SMdeux");
        a.bean(ConversationProcessor.class).addListener((inboundId, replies) -> {
            if (inboundId.equals(deux)) { // "deux" is marked processed; its rank, 2, is not yet marked done
                paused.countDown();
                awaitQuietly(wakeUp);
            }
        });
        a.inbox().accept(sms(lea, "SMun", "un"));
        a.inbox().accept(sms(lea, "SMdeux", "deux"));
        assertThat(paused.await(20, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(LEASE.multipliedBy(2).toMillis()); // its lease has run out: the erasure may take the conversation

        a.bean(DataRights.class).erase(new DataSubject.Phone(lea.address()), Instant.now());
        a.inbox().accept(sms(lea, "SMtrois", "trois")); // rank 1 of a new counter, held in the engine by another worker
        a.inbox().accept(sms(lea, "SMquatre", "quatre")); // rank 2
        assertThat(holding.await(20, TimeUnit.SECONDS)).isTrue();
        wakeUp.countDown(); // the paused worker goes on: it marks its rank 2 done
        Thread.sleep(LEASE.multipliedBy(2).toMillis());
        release.countDown();

        await("the message written after the erasure answered", () -> sent.contains("echo quatre"));
        assertThat(sent).containsSubsequence("echo trois", "echo quatre");
    }

    @Test
    void a_conversation_that_cannot_be_opened_holds_up_no_other() throws Exception {
        PipelineInstance a = start("A", (search, id) -> { });
        // written by an instance with a key A was not given yet (a rolling key change)
        PersonalData otherKeys = PersonalData.generate();
        ConversationKey unreadable = new ConversationKey(Channel.SMS, "+33611000003");
        MongoTemplate mongo = store.mongo();
        String ref = otherKeys.conversationRef(unreadable);
        Date past = Date.from(Instant.now().minusSeconds(5));
        mongo.insert(new Document("_id", "in_unreadable").append("channel", "sms").append("providerMessageId", "SMunreadable")
                .append("conversation", ref).append("address", otherKeys.seal(unreadable.address(), InboundMessages.field("in_unreadable", "address"))).append("sequence", 1L)
                .append("text", otherKeys.seal("bonjour", InboundMessages.field("in_unreadable", "text"))).append("status", "PENDING").append("attempts", 0)
                .append("cas", "in_unreadable#0").append("receivedAt", past).append("acceptedAt", past)
                .append("nextAttemptAt", past), "inbound_messages");
        mongo.insert(new Document("_id", ref).append("channel", "sms").append("address", otherKeys.seal(unreadable.address(), InboundMessages.dueField(ref)))
                .append("at", past), "inbound_due");
        // a message only the poll can find (recorded without waking this instance up, as another instance would)
        ConversationKey lea = new ConversationKey(Channel.SMS, "+33611000004");
        a.bean(InboundMessages.class).insert(sms(lea, "SMreadable", "readable"), Instant.now());

        await("the readable conversation answered", () -> sent.contains("echo readable"));
        await("the unreadable one reported", () -> a.meters().counter("boussole.processing.unreadable").count() >= 1);
    }

    static void await(String what, BooleanSupplier condition) {
        Await.until(what, Duration.ofSeconds(30), condition::getAsBoolean);
    }

    /** "stop": a search, a goodbye, the opt-out; "start": the opt-in and a welcome; "secret": a search, then its echo; "trois": held first (the test says how long). */
    static final class Scripted implements ConversationEngine {
        private final Runnable beforeTrois;

        Scripted(Runnable beforeTrois) {
            this.beforeTrois = beforeTrois;
        }

        @Override
        public Turn handle(ConversationState state, Inbound inbound, Instant now) {
            Map<String, Object> values = new HashMap<>(state.values());
            if (inbound.text().equals("trois")) {
                beforeTrois.run();
            }
            List<DialogEvent> events = switch (inbound.text()) {
                case "stop" -> List.of(new DialogEvent.SearchRecorded("46042", "lot", "emploi", 1),
                        new DialogEvent.Reply(OutboundMessage.of("bye")), new DialogEvent.OptedOut());
                case "start" -> List.of(new DialogEvent.OptedIn(), new DialogEvent.Reply(OutboundMessage.of("welcome back")));
                case "secret" -> List.of(new DialogEvent.SearchRecorded("46042", "lot", "emploi", 1),
                        new DialogEvent.Reply(OutboundMessage.of("echo secret")));
                default -> List.of(new DialogEvent.Reply(OutboundMessage.of("echo " + inbound.text())));
            };
            return new Turn(new ConversationState(state.key(), values), events);
        }
    }
}
