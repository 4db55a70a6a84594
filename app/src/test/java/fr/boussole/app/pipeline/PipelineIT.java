package fr.boussole.app.pipeline;

import de.bwaldvogel.mongo.MongoServer;
import fr.boussole.pipeline.conversation.Conversations;
import fr.boussole.pipeline.inbound.InboundMessage;
import fr.boussole.pipeline.inbound.InboundMessages;
import fr.boussole.pipeline.inbound.InboundStatus;
import fr.boussole.pipeline.outbox.MongoOutbox;
import fr.boussole.app.testing.EchoEngine;
import fr.boussole.app.testing.InMemoryContactRequests;
import fr.boussole.app.testing.Instances;
import fr.boussole.app.testing.ScriptedSmsDeliverer;
import fr.boussole.core.delivery.Delivery;
import fr.boussole.core.delivery.DeliveryPayload;
import fr.boussole.core.delivery.DeliveryResult;
import fr.boussole.core.delivery.DeliveryStatusSink;
import fr.boussole.core.delivery.Outbox;
import fr.boussole.core.ids.Ids;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.message.Inbound;
import fr.boussole.core.message.Inbox;
import fr.boussole.core.message.OutboundMessage;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static fr.boussole.app.testing.Instances.await;
import static org.assertj.core.api.Assertions.assertThat;

/** The message pipeline end to end on one instance: order, once-only, retries, replays, erasure, delivery. */
class PipelineIT {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final AtomicInteger PHONES = new AtomicInteger(600000000);

    static MongoServer store;
    static ConfigurableApplicationContext app;
    static Inbox inbox;
    static InboundMessages inbound;
    static Conversations conversations;
    static MongoOutbox outbox;

    @BeforeAll
    static void start() {
        store = Instances.memoryStore();
        app = Instances.start("spring.mongodb.uri=" + Instances.uri(store));
        inbox = app.getBean(Inbox.class);
        inbound = app.getBean(InboundMessages.class);
        conversations = app.getBean(Conversations.class);
        outbox = app.getBean(MongoOutbox.class);
    }

    @AfterAll
    static void stop() {
        app.close();
        store.shutdownNow();
    }

    @AfterEach
    void resetScripts() {
        ScriptedSmsDeliverer.script = ScriptedSmsDeliverer::accepted;
    }

    static ConversationKey newSmsConversation() {
        return new ConversationKey(Channel.SMS, "+33" + PHONES.incrementAndGet());
    }

    static Inbound sms(ConversationKey key, String providerId, String text) {
        return Inbound.text(providerId, key, text, Instant.now());
    }

    static void awaitSettled(ConversationKey key, int messages) {
        await(messages + " messages processed", WAIT, () -> {
            List<InboundMessage> all = inbound.all(key);
            return all.size() == messages && all.stream().allMatch(m -> m.status() != InboundStatus.PENDING);
        });
    }

    static void awaitDelivered(ConversationKey key, int entries) {
        await(entries + " deliveries settled", WAIT, () -> {
            List<Document> all = outbox.entries(key);
            return all.size() == entries && all.stream().noneMatch(d -> d.getString("status").equals("PENDING"));
        });
    }

    static List<String> deliveredTexts(ConversationKey key) {
        return ScriptedSmsDeliverer.ATTEMPTS.stream().filter(d -> key.equals(d.conversation()))
                .map(d -> ((DeliveryPayload.Chat) d.payload()).message().text()).toList();
    }

    static List<String> history(ConversationKey key) {
        @SuppressWarnings("unchecked")
        List<String> history = (List<String>) conversations.load(key).state().values().get("history");
        return history;
    }

    @Test
    void messages_posted_concurrently_to_one_conversation_are_processed_once_each_in_arrival_order() throws Exception {
        ConversationKey key = newSmsConversation();
        int count = 40;
        ExecutorService posters = Executors.newFixedThreadPool(8);
        List<Future<Inbox.Acceptance>> results = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String providerId = "SMconc" + key.address() + "-" + i;
            String text = "m" + i;
            results.add(posters.submit(() -> inbox.accept(sms(key, providerId, text))));
        }
        for (Future<Inbox.Acceptance> result : results) {
            assertThat(result.get()).isEqualTo(Inbox.Acceptance.ACCEPTED);
        }
        posters.shutdown();

        awaitSettled(key, count);
        awaitDelivered(key, count);

        List<InboundMessage> arrival = inbound.all(key);
        assertThat(arrival).allMatch(m -> m.status() == InboundStatus.PROCESSED);
        assertThat(history(key)).containsExactlyElementsOf(arrival.stream().map(m -> m.inbound().text()).toList());
        assertThat(conversations.load(key).state().values().get("count")).isEqualTo((long) count);
        for (InboundMessage m : arrival) {
            assertThat(EchoEngine.CALLS.get(m.inbound().providerMessageId()).get()).isEqualTo(1);
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            expected.add("echo " + (i + 1) + ": " + arrival.get(i).inbound().text());
        }
        assertThat(deliveredTexts(key)).containsExactlyElementsOf(expected);
    }

    @Test
    void a_provider_delivering_the_same_message_again_even_after_processing_gets_a_duplicate() {
        ConversationKey key = newSmsConversation();
        Inbound message = sms(key, "SMdup" + key.address(), "bonjour");

        assertThat(inbox.accept(message)).isEqualTo(Inbox.Acceptance.ACCEPTED);
        assertThat(inbox.accept(message)).isEqualTo(Inbox.Acceptance.DUPLICATE);
        awaitSettled(key, 1);
        assertThat(inbox.accept(message)).isEqualTo(Inbox.Acceptance.DUPLICATE);

        awaitDelivered(key, 1);
        assertThat(EchoEngine.CALLS.get(message.providerMessageId()).get()).isEqualTo(1);
        assertThat(deliveredTexts(key)).containsExactly("echo 1: bonjour");
        assertThat(app.getBean(MeterRegistry.class).counter("boussole.inbound.duplicates", "channel", "sms").count())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void a_failing_turn_is_retried_and_the_conversation_goes_on_after_it() {
        ConversationKey key = newSmsConversation();
        EchoEngine.FAILURES.put("flaky " + key.address(), new AtomicInteger(2));

        inbox.accept(sms(key, "SMflaky" + key.address(), "flaky " + key.address()));
        inbox.accept(sms(key, "SMnext" + key.address(), "next"));
        awaitSettled(key, 2);

        List<InboundMessage> all = inbound.all(key);
        assertThat(all).extracting(InboundMessage::status).containsOnly(InboundStatus.PROCESSED);
        assertThat(all.getFirst().attempts()).isEqualTo(2);
        assertThat(history(key)).containsExactly("flaky " + key.address(), "next");
        awaitDelivered(key, 2);
        assertThat(deliveredTexts(key)).containsExactly("echo 1: flaky " + key.address(), "echo 2: next");
    }

    @Test
    void a_turn_that_keeps_failing_is_parked_and_later_messages_are_processed() {
        ConversationKey key = newSmsConversation();
        EchoEngine.FAILURES.put("doomed", new AtomicInteger(1000));
        double parkedBefore = app.getBean(MeterRegistry.class).counter("boussole.processing.parked").count();

        inbox.accept(sms(key, "SMdoomed" + key.address(), "doomed"));
        inbox.accept(sms(key, "SMafter" + key.address(), "after"));
        awaitSettled(key, 2);

        assertThat(inbound.all(key)).extracting(InboundMessage::status)
                .containsExactly(InboundStatus.PARKED, InboundStatus.PROCESSED);
        assertThat(history(key)).containsExactly("after");
        assertThat(app.getBean(MeterRegistry.class).counter("boussole.processing.parked").count()).isEqualTo(parkedBefore + 1);
    }

    @Test
    void a_turn_interrupted_after_its_state_was_stored_is_completed_without_calling_the_engine_again() {
        ConversationKey key = newSmsConversation();
        // The contact request is the first effect: its failure leaves the turn stored and its reply not enqueued.
        InMemoryContactRequests.FAILURES.set(1);
        Inbound contact = sms(key, "SMcontact" + key.address(), "contact");

        inbox.accept(contact);
        awaitSettled(key, 1);
        awaitDelivered(key, 1);

        InboundMessage message = inbound.all(key).getFirst();
        assertThat(message.attempts()).isEqualTo(1);
        assertThat(EchoEngine.CALLS.get(contact.providerMessageId()).get()).isEqualTo(1);
        assertThat(conversations.load(key).state().values().get("count")).isEqualTo(1L);
        String requestId = Ids.derived("cr", message.id(), "0");
        assertThat(InMemoryContactRequests.RECORDED).containsKey(requestId);
        assertThat(InMemoryContactRequests.ALERTED).containsOnlyOnce(requestId);
        assertThat(deliveredTexts(key)).containsExactly("contact 1");
    }

    @Test
    void erasure_removes_texts_but_keeps_the_keys_that_stop_a_late_duplicate() {
        ConversationKey key = newSmsConversation();
        Inbound hello = sms(key, "SMhello" + key.address(), "mon secret");
        inbox.accept(hello);
        awaitSettled(key, 1);
        awaitDelivered(key, 1);
        inbox.accept(sms(key, "SMerase" + key.address(), "erase"));
        awaitSettled(key, 2);
        awaitDelivered(key, 2);

        assertThat(inbound.all(key)).extracting(m -> m.inbound().text()).containsOnly("");
        List<Document> entries = outbox.entries(key);
        assertThat(entries.getFirst().get("payload", Document.class).getString("text")).isEmpty();
        assertThat(entries.getFirst().getString("recipient")).isEqualTo("erased");
        assertThat(entries.get(1).get("payload", Document.class).getString("text")).isEqualTo("erased 2");
        assertThat(inbox.accept(hello)).isEqualTo(Inbox.Acceptance.DUPLICATE);
        assertThat(EchoEngine.CALLS.get(hello.providerMessageId()).get()).isEqualTo(1);
    }

    @Test
    void after_an_opt_out_nothing_is_sent_until_the_young_person_opts_in_again() {
        ConversationKey key = newSmsConversation();
        inbox.accept(sms(key, "SMstop" + key.address(), "stop"));
        inbox.accept(sms(key, "SMquiet" + key.address(), "hello"));
        inbox.accept(sms(key, "SMstart" + key.address(), "start"));
        awaitSettled(key, 3);
        awaitDelivered(key, 2);

        assertThat(deliveredTexts(key)).containsExactly("bye 1", "welcome back 3");
    }

    @Test
    void a_delivery_that_fails_for_a_while_is_retried_and_the_next_one_waits_for_it() {
        ConversationKey key = newSmsConversation();
        AtomicInteger firstAttempts = new AtomicInteger();
        ScriptedSmsDeliverer.script = d -> key.equals(d.conversation())
                && ((DeliveryPayload.Chat) d.payload()).message().text().startsWith("first")
                && firstAttempts.incrementAndGet() < 3
                ? new DeliveryResult.Retry("503", Duration.ofMillis(10)) : ScriptedSmsDeliverer.accepted(d);

        inbox.accept(sms(key, "SMtwo" + key.address(), "two"));
        awaitSettled(key, 1);
        awaitDelivered(key, 2);

        assertThat(deliveredTexts(key)).containsExactly("first 1", "first 1", "first 1", "second 1");
        List<Document> entries = outbox.entries(key);
        assertThat(entries).extracting(d -> d.getString("status")).containsExactly("SENT", "SENT");
        assertThat(entries.getFirst().getInteger("attempts")).isEqualTo(3);
    }

    @Test
    void a_delivery_that_never_gets_through_is_dead_lettered() {
        ConversationKey key = newSmsConversation();
        ScriptedSmsDeliverer.script = d -> key.equals(d.conversation())
                ? new DeliveryResult.Retry("timeout", null) : ScriptedSmsDeliverer.accepted(d);
        double before = app.getBean(MeterRegistry.class).counter("boussole.outbox.dead_lettered", "channel", "sms").count();

        inbox.accept(sms(key, "SMdead" + key.address(), "hello"));
        awaitDelivered(key, 1);

        assertThat(outbox.entries(key).getFirst().getString("status")).isEqualTo("DEAD");
        assertThat(deliveredTexts(key)).hasSize(3);
        // the worker marks the entry DEAD, then counts it: wait for the count rather than read it in between
        await("the dead letter counted", java.time.Duration.ofSeconds(10), () -> app.getBean(MeterRegistry.class)
                .counter("boussole.outbox.dead_lettered", "channel", "sms").count() >= before + 1);
        assertThat(app.getBean(MeterRegistry.class).counter("boussole.outbox.dead_lettered", "channel", "sms").count())
                .isEqualTo(before + 1);
    }

    @Test
    void a_recipient_gone_stops_the_conversation_until_they_write_again() {
        ConversationKey key = newSmsConversation();
        ScriptedSmsDeliverer.script = d -> key.equals(d.conversation())
                ? new DeliveryResult.RecipientGone("21610 unsubscribed") : ScriptedSmsDeliverer.accepted(d);

        inbox.accept(sms(key, "SMgone" + key.address(), "two"));
        awaitDelivered(key, 2);
        assertThat(deliveredTexts(key)).containsExactly("first 1");
        assertThat(outbox.entries(key)).extracting(d -> d.getString("status")).containsExactly("FAILED", "FAILED");

        ScriptedSmsDeliverer.script = ScriptedSmsDeliverer::accepted;
        inbox.accept(sms(key, "SMback" + key.address(), "back"));
        awaitDelivered(key, 3);
        assertThat(deliveredTexts(key)).containsExactly("first 1", "echo 2: back");
    }

    @Test
    void enqueuing_the_same_delivery_twice_sends_it_once_and_status_callbacks_find_it() {
        ConversationKey key = newSmsConversation();
        Delivery delivery = new Delivery(Ids.derived("ob", "direct", key.address()), Channel.SMS, key.address(), key, 1, 1,
                new DeliveryPayload.Chat(OutboundMessage.of("direct")));

        app.getBean(Outbox.class).enqueue(delivery);
        app.getBean(Outbox.class).enqueue(delivery);
        awaitDelivered(key, 1);
        app.getBean(DeliveryStatusSink.class).report("SM" + delivery.id(), DeliveryStatusSink.Status.DELIVERED, null);

        assertThat(deliveredTexts(key)).containsExactly("direct");
        Document entry = outbox.entries(key).getFirst();
        assertThat(entry.getString("providerId")).isEqualTo("SM" + delivery.id());
        assertThat(entry.getString("providerStatus")).isEqualTo("DELIVERED");
    }
}
