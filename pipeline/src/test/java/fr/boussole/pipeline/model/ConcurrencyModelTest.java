package fr.boussole.pipeline.model;

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
import fr.boussole.core.privacy.PersonalData;
import fr.boussole.pipeline.conversation.Conversations;
import fr.boussole.pipeline.inbound.InboundMessage;
import fr.boussole.pipeline.inbound.InboundMessages;
import fr.boussole.pipeline.inbound.InboundStatus;
import fr.boussole.pipeline.outbox.MongoOutbox;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A model-based test of the pipeline's promises under what the real world does to it, driven from
 * a seed ({@code -Dpipeline.seed=N} replays a run; the default is fixed). Two instances of the
 * pipeline share one store, each with its own clock, skewed against the other by up to more than
 * half the lease; the engine now and then pauses for twice the lease in the middle of a turn (a GC
 * pause, a stopped VM), so that the other instance takes the conversation over; the provider now
 * and then takes twice the lease to answer; instances are killed at random moments and replaced.
 * Young people write through whichever instance is up, as a provider retries on another address.
 * <p>
 * The model: each conversation is the list of messages acknowledged, in the order they were
 * acknowledged. Checked at the end, each a broken promise if it fails: every acknowledged message
 * has exactly one turn, in order (the stored state holds each text once, in that order); every turn's
 * reply reached the provider; no entry was sent more often than it was claimed (at most once per
 * claim); a young person's replies reached the provider in order. Sends made twice under two claims
 * (an instance killed between the provider's answer and its record: the provider's at-least-once
 * window, docs/outbox.md) are counted and printed, not failed.
 */
class ConcurrencyModelTest {

    static final long SEED = Long.getLong("pipeline.seed", 20261207L);
    static final Duration LEASE = Duration.ofMillis(300);
    static final int CONVERSATIONS = 12;
    static final int MESSAGES = 6;
    static final int KILLS = 2;

    final List<PipelineInstance> started = new CopyOnWriteArrayList<>();
    @RegisterExtension
    final TestStore store = new TestStore();

    @AfterEach
    void stop() {
        for (PipelineInstance instance : started) {
            try {
                instance.close();
            } catch (RuntimeException alreadyDown) {
                // crashed
            }
        }
    }

    @Test
    void acknowledged_messages_get_one_turn_each_in_order_and_replies_go_at_most_once_per_claim() throws Exception {
        System.out.println("ConcurrencyModelTest seed " + SEED + " (-Dpipeline.seed=" + SEED + " replays it)");
        Random random = new Random(SEED);
        String uri = store.uri();
        PersonalData keys = PersonalData.generate();
        ModelEngine engine = new ModelEngine(random.nextLong());
        ModelProvider provider = new ModelProvider(random.nextLong());
        Map<String, Object> settings = Map.ofEntries(
                Map.entry("boussole.pipeline.poll-interval", "50ms"), Map.entry("boussole.pipeline.lease", LEASE.toMillis() + "ms"),
                Map.entry("boussole.pipeline.processing-backoff", "20ms"), Map.entry("boussole.pipeline.delivery-backoff", "20ms"),
                Map.entry("boussole.pipeline.max-backoff", "200ms"), Map.entry("boussole.pipeline.gap-timeout", "1s"),
                Map.entry("boussole.pipeline.processing-attempts", "50"), Map.entry("boussole.pipeline.delivery-attempts", "50"));
        Instances instances = new Instances(uri, keys, engine, provider, settings, random);
        instances.startOne();
        instances.startOne();

        // the model: what each conversation was told it has, in order
        Map<ConversationKey, List<String>> acknowledged = new ConcurrentHashMap<>();
        List<ConversationKey> keysOfConversations = new ArrayList<>();
        for (int c = 0; c < CONVERSATIONS; c++) {
            ConversationKey key = new ConversationKey(Channel.SMS, "+3361100" + (1000 + c));
            keysOfConversations.add(key);
            acknowledged.put(key, new CopyOnWriteArrayList<>());
        }
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<?>> traffic = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int first = t;
            long clientSeed = random.nextLong();
            traffic.add(clients.submit(() -> {
                Random own = new Random(clientSeed);
                for (int m = 0; m < MESSAGES; m++) {
                    for (int c = first; c < CONVERSATIONS; c += 4) {
                        ConversationKey key = keysOfConversations.get(c);
                        String text = "m" + m;
                        Inbound message = Inbound.text("SM" + c + "x" + m, key, text, Instant.now());
                        instances.deliverUntilAcknowledged(message, own);
                        acknowledged.get(key).add(text);
                        sleep(own.nextInt(40));
                    }
                }
                return null;
            }));
        }
        // kills at random moments while the traffic runs, each followed by a new instance
        for (int k = 0; k < KILLS; k++) {
            sleep(500 + random.nextInt(1500));
            instances.killOneAndReplace();
        }
        for (Future<?> client : traffic) {
            client.get(120, TimeUnit.SECONDS);
        }
        clients.shutdown();

        PipelineInstance survivor = instances.any();
        InboundMessages inbound = survivor.bean(InboundMessages.class);
        MongoOutbox outbox = survivor.bean(MongoOutbox.class);
        Conversations conversations = survivor.bean(Conversations.class);
        awaitSettled(keysOfConversations, acknowledged, inbound, outbox);

        int sentTwice = 0;
        for (ConversationKey key : keysOfConversations) {
            List<String> expected = acknowledged.get(key);
            @SuppressWarnings("unchecked")
            List<String> turns = (List<String>) conversations.load(key).state().values().getOrDefault("history", List.of());
            assertThat(turns).as("turns of %s: one per acknowledged message, in order", key.address()).isEqualTo(expected);

            List<Document> entries = outbox.entries(key);
            assertThat(entries).as("one reply per turn for %s", key.address()).hasSize(expected.size());
            List<String> replies = new ArrayList<>();
            for (int i = 0; i < expected.size(); i++) {
                replies.add(key.address() + " " + (i + 1) + ": " + expected.get(i));
            }
            for (Document entry : entries) {
                int calls = provider.callsFor(entry.getString("_id"));
                long claims = ((Number) entry.get("claims")).longValue();
                assertThat(entry.getString("status")).as("entry %s", entry.getString("_id")).isEqualTo("SENT");
                assertThat(calls).as("provider calls for %s, claimed %d times", entry.getString("_id"), claims)
                        .isBetween(1, (int) claims);
                if (calls > 1) {
                    sentTwice++;
                }
            }
            assertThat(provider.firstArrivals(key.address())).as("replies to %s reach the provider in order", key.address())
                    .isEqualTo(replies);
        }
        System.out.printf("ConcurrencyModelTest seed %d: %d messages acknowledged, %d instances started, %d killed,"
                        + " engine calls %d (turns refused to a worker that lost the conversation: %d), provider calls %d,"
                        + " replies sent under two claims (at-least-once window): %d%n",
                SEED, CONVERSATIONS * MESSAGES, instances.started, KILLS, engine.calls.get(),
                engine.calls.get() - CONVERSATIONS * MESSAGES, provider.total.get(), sentTwice);
    }

    private static void awaitSettled(List<ConversationKey> keys, Map<ConversationKey, List<String>> acknowledged,
                                     InboundMessages inbound, MongoOutbox outbox) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            boolean settled = keys.stream().allMatch(key -> {
                List<InboundMessage> all = inbound.all(key);
                List<Document> entries = outbox.entries(key);
                return all.size() == acknowledged.get(key).size()
                        && all.stream().allMatch(m -> m.status() == InboundStatus.PROCESSED)
                        && entries.size() == all.size()
                        && entries.stream().allMatch(e -> "SENT".equals(e.getString("status")));
            });
            if (settled) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the pipeline did not settle: " + keys.stream().map(key -> key.address() + "="
                + inbound.all(key).stream().map(m -> m.status().name()).toList() + "/"
                + outbox.entries(key).stream().map(e -> e.getString("status")).toList()).collect(Collectors.joining(", ")));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The live instances; kills and replacements. */
    static final class Instances {
        private final String uri;
        private final PersonalData keys;
        private final ModelEngine engine;
        private final ModelProvider provider;
        private final Map<String, Object> settings;
        private final Random random;
        private final List<PipelineInstance> live = new CopyOnWriteArrayList<>();
        int started;

        Instances(String uri, PersonalData keys, ModelEngine engine, ModelProvider provider, Map<String, Object> settings,
                  Random random) {
            this.uri = uri;
            this.keys = keys;
            this.engine = engine;
            this.provider = provider;
            this.settings = settings;
            this.random = random;
        }

        synchronized void startOne() {
            // each instance's clock off the true time by up to more than half the lease, either way
            Duration skew = Duration.ofMillis(random.nextInt((int) LEASE.toMillis() * 2) - LEASE.toMillis());
            started++;
            live.add(PipelineInstance.start("instance-" + started, uri, Clock.offset(Clock.systemUTC(), skew), engine, provider,
                    keys, settings));
        }

        synchronized void killOneAndReplace() {
            PipelineInstance victim = live.remove(random.nextInt(live.size()));
            victim.crash();
            startOne();
        }

        PipelineInstance any() {
            return live.getFirst();
        }

        /** As a provider does: the same message again, on whichever instance answers, until one acknowledges it. */
        void deliverUntilAcknowledged(Inbound message, Random own) {
            for (int attempt = 0; attempt < 200; attempt++) {
                List<PipelineInstance> now = List.copyOf(live);
                PipelineInstance target = now.get(own.nextInt(now.size()));
                try {
                    target.inbox().accept(message);
                    return;
                } catch (RuntimeException down) {
                    sleep(20);
                }
            }
            throw new AssertionError("message " + message.providerMessageId() + " never acknowledged");
        }
    }

    /**
     * A pure engine (state in, state and events out) that keeps the texts of its conversation and
     * answers "address n: text"; now and then it pauses for twice the lease mid-turn.
     */
    static final class ModelEngine implements ConversationEngine {
        private final Random random;
        final AtomicInteger calls = new AtomicInteger();

        ModelEngine(long seed) {
            this.random = new Random(seed);
        }

        @Override
        public Turn handle(ConversationState state, Inbound inbound, Instant now) {
            calls.incrementAndGet();
            int pause;
            synchronized (random) {
                pause = random.nextInt(100) < 6 ? (int) LEASE.toMillis() * 2 : random.nextInt(15);
            }
            sleep(pause);
            @SuppressWarnings("unchecked")
            List<Object> history = new ArrayList<>((List<Object>) state.values().getOrDefault("history", List.of()));
            history.add(inbound.text());
            Map<String, Object> values = new HashMap<>(state.values());
            values.put("history", history);
            String reply = state.key().address() + " " + history.size() + ": " + inbound.text();
            return new Turn(new ConversationState(state.key(), values),
                    List.of(new DialogEvent.Reply(OutboundMessage.of(reply))));
        }
    }

    /** The provider: records every call; now and then takes twice the lease to answer. */
    static final class ModelProvider implements Deliverer {
        private final Random random;
        private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        private final Map<String, List<String>> arrivals = new ConcurrentHashMap<>();
        final AtomicInteger total = new AtomicInteger();

        ModelProvider(long seed) {
            this.random = new Random(seed);
        }

        @Override
        public Channel channel() {
            return Channel.SMS;
        }

        @Override
        public DeliveryResult deliver(Delivery delivery) {
            total.incrementAndGet();
            calls.computeIfAbsent(delivery.id(), id -> new AtomicInteger()).incrementAndGet();
            String text = ((DeliveryPayload.Chat) delivery.payload()).message().text();
            arrivals.computeIfAbsent(delivery.recipient(), r -> new CopyOnWriteArrayList<>()).add(text);
            int latency;
            synchronized (random) {
                latency = random.nextInt(100) < 5 ? (int) LEASE.toMillis() * 2 : random.nextInt(20);
            }
            sleep(latency);
            return new DeliveryResult.Sent("P-" + delivery.id() + "-" + total.get());
        }

        int callsFor(String id) {
            return calls.getOrDefault(id, new AtomicInteger()).get();
        }

        /** The texts a recipient was sent, each at its first arrival. */
        List<String> firstArrivals(String recipient) {
            return arrivals.getOrDefault(recipient, List.of()).stream().distinct().toList();
        }
    }
}
