package fr.boussole.pipeline.outbox;

import fr.boussole.testing.Await;
import fr.boussole.testing.TestStore;
import fr.boussole.pipeline.PipelineProperties;
import fr.boussole.core.delivery.Deliverer;
import fr.boussole.core.delivery.Delivery;
import fr.boussole.core.delivery.DeliveryPayload;
import fr.boussole.core.delivery.DeliveryResult;
import fr.boussole.core.message.Channel;
import fr.boussole.pipeline.sealed.SealedDocuments;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.privacy.PersonalData;
import fr.boussole.core.message.OutboundMessage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worker against a deliverer scripted to answer what a channel would, on mongo-java-server through
 * the real driver. Fails when a deferral by our own send rate counts as an attempt (a burst on one
 * sender number would dead-letter replies that were never even tried), or when real failures stop
 * counting (an entry must be dead after exactly {@code delivery-attempts} tries).
 */
class RateLimitedDeliveryTest {

    static final ConversationKey LEA = new ConversationKey(Channel.SMS, "+33612345678");
    static final int ATTEMPTS = 2;

    @RegisterExtension
    final TestStore store = new TestStore();
    MongoOutbox outbox;
    OutboxWorker worker;
    final Deque<DeliveryResult> script = new ArrayDeque<>();
    final AtomicInteger calls = new AtomicInteger();

    @BeforeEach
    void start() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        Clock clock = Clock.systemUTC();
        outbox = new MongoOutbox(store.mongo(), clock, beans.getBeanProvider(OutboxWorker.class),
                new SealedDocuments(PersonalData.generate()));
        beans.addBean("sms", new Deliverer() {
            @Override
            public Channel channel() {
                return Channel.SMS;
            }

            @Override
            public DeliveryResult deliver(Delivery delivery) {
                calls.incrementAndGet();
                synchronized (script) {
                    return script.isEmpty() ? new DeliveryResult.Sent("SM" + delivery.attempt()) : script.poll();
                }
            }
        });
        PipelineProperties settings = new PipelineProperties(1, Duration.ofMillis(50), Duration.ofSeconds(5), 5, Duration.ofSeconds(1),
                ATTEMPTS, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofSeconds(1), Duration.ofSeconds(1), 1, Duration.ofSeconds(30),
                Duration.ofSeconds(30));
        worker = new OutboxWorker(outbox, beans.getBeanProvider(Deliverer.class), settings, clock, new SimpleMeterRegistry());
        beans.addBean("worker", worker);
        worker.start();
    }

    @AfterEach
    void stop() {
        worker.stop();
    }

    void script(DeliveryResult... results) {
        synchronized (script) {
            script.addAll(List.of(results));
        }
    }

    Document settled(String id) {
        return Await.until("entry " + id + " settled", Duration.ofSeconds(20), () -> {
            Document entry = outbox.byId(id);
            return entry != null && !OutboxStatus.PENDING.name().equals(entry.getString("status")) ? entry : null;
        });
    }

    void enqueue(String id, long sequence) {
        outbox.enqueue(new Delivery(id, Channel.SMS, LEA.address(), LEA, sequence, 1, new DeliveryPayload.Chat(OutboundMessage.of(id))));
    }

    @Test
    void deferrals_by_our_own_send_rate_are_not_attempts() {
        script(new DeliveryResult.Deferred("sender rate limit", Duration.ofMillis(5)),
                new DeliveryResult.Deferred("sender rate limit", Duration.ofMillis(5)),
                new DeliveryResult.Deferred("sender rate limit", Duration.ofMillis(5)),
                new DeliveryResult.Retry("twilio 503", null));
        enqueue("ob_burst", 1000);

        Document entry = settled("ob_burst");
        assertThat(calls.get()).isEqualTo(5);
        assertThat(entry.getString("status")).as("three deferrals and one failure, of " + ATTEMPTS + " attempts allowed")
                .isEqualTo(OutboxStatus.SENT.name());
        assertThat(entry.getInteger("attempts")).isEqualTo(2);
    }

    @Test
    void real_failures_dead_letter_after_exactly_the_configured_attempts() {
        script(new DeliveryResult.Retry("twilio 503", null), new DeliveryResult.Retry("twilio 503", null),
                new DeliveryResult.Retry("twilio 503", null));
        enqueue("ob_down", 1000);

        Document entry = settled("ob_down");
        assertThat(entry.getString("status")).isEqualTo(OutboxStatus.DEAD.name());
        assertThat(entry.getInteger("attempts")).isEqualTo(ATTEMPTS);
        assertThat(calls.get()).isEqualTo(ATTEMPTS);
    }
}
