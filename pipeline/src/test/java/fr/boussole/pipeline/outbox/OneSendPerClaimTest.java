package fr.boussole.pipeline.outbox;

import fr.boussole.testing.TestStore;
import fr.boussole.core.delivery.Deliverer;
import fr.boussole.core.delivery.Delivery;
import fr.boussole.core.delivery.DeliveryPayload;
import fr.boussole.core.delivery.DeliveryResult;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.message.OutboundMessage;
import fr.boussole.core.privacy.PersonalData;
import fr.boussole.pipeline.PipelineProperties;
import fr.boussole.pipeline.sealed.SealedDocuments;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worker against providers slower than the claim, on mongo-java-server through the real driver.
 * Fails when an entry is claimed while no sender can take it (the claim runs out in a queue and the
 * poll claims it again: one reply sent several times), when a sender whose call outlives the lease
 * loses its claim to another, or when one stalled channel (a mail server that never answers) holds
 * up the senders of the others.
 */
class OneSendPerClaimTest {

    static final Duration LEASE = Duration.ofMillis(200);

    @RegisterExtension
    final TestStore store = new TestStore();
    MongoOutbox outbox;
    OutboxWorker worker;
    final StaticListableBeanFactory beans = new StaticListableBeanFactory();
    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    @BeforeEach
    void outbox() {
        outbox = new MongoOutbox(store.mongo(), Clock.systemUTC(),
                beans.getBeanProvider(OutboxWorker.class), new SealedDocuments(PersonalData.generate()));
    }

    @AfterEach
    void close() {
        if (worker != null) {
            worker.stop();
        }
    }

    void start(int senders) {
        // polls far more often than the lease: any entry whose claim ran out is seen at once
        PipelineProperties settings = new PipelineProperties(1, Duration.ofMillis(20), LEASE, 5, Duration.ofSeconds(1),
                5, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofSeconds(1), Duration.ofSeconds(1), senders, Duration.ofSeconds(30), Duration.ofSeconds(30));
        worker = new OutboxWorker(outbox, beans.getBeanProvider(Deliverer.class), settings, Clock.systemUTC(), new SimpleMeterRegistry());
        beans.addBean("worker", worker);
        worker.start();
    }

    void provider(Channel channel, Duration slowness, CountDownLatch stalledUntil) {
        beans.addBean(channel.id(), new Deliverer() {
            @Override
            public Channel channel() {
                return channel;
            }

            @Override
            public DeliveryResult deliver(Delivery delivery) {
                calls.computeIfAbsent(delivery.id(), id -> new AtomicInteger()).incrementAndGet();
                try {
                    if (stalledUntil != null) {
                        stalledUntil.await();
                    }
                    Thread.sleep(slowness.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new DeliveryResult.Sent("P" + delivery.id());
            }
        });
    }

    void enqueue(Channel channel, String id, int person) {
        ConversationKey key = new ConversationKey(channel, channel == Channel.EMAIL ? "pro" + person + "@example.org" : "+3361234" + (5000 + person));
        outbox.enqueue(new Delivery(id, channel, key.address(), key, 1000, 1, new DeliveryPayload.Chat(OutboundMessage.of(id))));
    }

    @Test
    void one_slow_sender_sends_each_of_six_replies_exactly_once() throws Exception {
        provider(Channel.SMS, LEASE.multipliedBy(3).dividedBy(2), null); // each call outlives a claim's lease
        start(1);
        List<String> ids = IntStream.range(0, 6).mapToObj(i -> "ob_slow" + i).toList();
        for (int i = 0; i < ids.size(); i++) {
            enqueue(Channel.SMS, ids.get(i), i);
        }

        awaitSent(ids);
        Thread.sleep(LEASE.multipliedBy(2).toMillis()); // a claim that ran out would be taken again by now

        assertThat(ids).allSatisfy(id -> assertThat(calls.get(id)).as("provider calls for " + id).hasValue(1));
        assertThat(calls.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(6);
    }

    @Test
    void a_stalled_mail_server_holds_up_no_other_channel() throws Exception {
        CountDownLatch mailServerAnswers = new CountDownLatch(1);
        provider(Channel.EMAIL, Duration.ZERO, mailServerAnswers);
        provider(Channel.SMS, Duration.ZERO, null);
        start(2);
        List<String> alerts = List.of("ob_alert0", "ob_alert1", "ob_alert2");
        for (int i = 0; i < alerts.size(); i++) {
            enqueue(Channel.EMAIL, alerts.get(i), i);
        }
        List<String> replies = IntStream.range(0, 5).mapToObj(i -> "ob_reply" + i).toList();
        for (int i = 0; i < replies.size(); i++) {
            enqueue(Channel.SMS, replies.get(i), i);
        }
        try {
            awaitSent(replies);
        } finally {
            mailServerAnswers.countDown();
        }
        awaitSent(alerts);
        assertThat(calls.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(8);
    }

    private void awaitSent(List<String> ids) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (ids.stream().allMatch(id -> OutboxStatus.SENT.name().equals(outbox.byId(id).getString("status")))) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("not all sent: " + ids.stream().map(id -> id + "=" + outbox.byId(id).getString("status")).toList());
    }
}
