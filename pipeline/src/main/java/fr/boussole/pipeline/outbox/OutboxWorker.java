package fr.boussole.pipeline.outbox;

import fr.boussole.pipeline.PipelineProperties;
import fr.boussole.core.delivery.Deliverer;
import fr.boussole.core.delivery.Delivery;
import fr.boussole.core.delivery.DeliveryResult;
import fr.boussole.core.ids.Ids;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends what the outbox holds. A dispatcher thread considers entries as they are enqueued here or
 * become due (hints by id), and on each poll the due entries left by a crash or another instance;
 * it skips an entry that is not first in line in its conversation, claims the others with a lease
 * (single-document findAndModify, so several instances share the work) and hands each to a sender
 * thread, which calls the channel's {@link Deliverer} once and records the result.
 */
@Component
public class OutboxWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

    private final MongoOutbox outbox;
    private final Map<Channel, Deliverer> deliverers = new EnumMap<>(Channel.class);
    private final PipelineProperties settings;
    private final Backoff backoff;
    private final Clock clock;
    private final MeterRegistry meters;
    private final String owner = Ids.random("worker");
    private final AtomicBoolean nudged = new AtomicBoolean();
    private final java.util.Queue<String> hints = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private volatile ScheduledExecutorService dispatcher;
    private volatile ExecutorService senders;

    OutboxWorker(MongoOutbox outbox, ObjectProvider<Deliverer> deliverers, PipelineProperties settings, Clock clock,
                 MeterRegistry meters) {
        this.outbox = outbox;
        this.settings = settings;
        this.backoff = new Backoff(settings.deliveryBackoff(), settings.maxBackoff());
        this.clock = clock;
        this.meters = meters;
        deliverers.orderedStream().forEach(d -> {
            Deliverer previous = this.deliverers.putIfAbsent(d.channel(), d);
            if (previous != null) {
                throw new IllegalStateException("two deliverers for channel " + d.channel() + ": "
                        + previous.getClass().getName() + " and " + d.getClass().getName());
            }
        });
        for (OutboxStatus status : List.of(OutboxStatus.PENDING, OutboxStatus.DEAD)) {
            Gauge.builder("boussole.outbox.entries", () -> outbox.count(status))
                    .tag("status", status.name().toLowerCase(java.util.Locale.ROOT))
                    .description("outbox entries by status").register(meters);
        }
    }

    /** This entry was enqueued or may now go: look at it now rather than at the next poll. */
    void hint(String id) {
        hints.add(id);
        ScheduledExecutorService d = dispatcher;
        if (d != null && nudged.compareAndSet(false, true)) {
            try {
                d.execute(() -> {
                    nudged.set(false);
                    drainHints();
                });
            } catch (RejectedExecutionException stopping) {
                nudged.set(false);
            }
        }
    }

    private void hintAt(String id, Instant when) {
        ScheduledExecutorService d = dispatcher;
        if (d != null) {
            try {
                d.schedule(() -> hint(id), Math.max(0, when.toEpochMilli() - clock.millis()), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                // the next start's poll finds it
            }
        }
    }

    private void drainHints() {
        String id;
        while ((id = hints.poll()) != null) {
            try {
                consider(outbox.byId(id));
            } catch (RuntimeException e) {
                log.warn("outbox dispatch failed: {}", e.getClass().getName());
            }
        }
    }

    private void poll() {
        try {
            drainHints();
            if (deliverers.isEmpty()) {
                return;
            }
            List<String> channels = deliverers.keySet().stream().map(Channel::id).toList();
            for (Document candidate : outbox.dueCandidates(channels, clock.instant(), 100)) {
                consider(candidate);
            }
        } catch (RuntimeException e) {
            log.warn("outbox poll failed: {}", e.getClass().getName());
        }
    }

    private void consider(Document entry) {
        if (entry == null || !OutboxStatus.PENDING.name().equals(entry.getString("status"))) {
            return;
        }
        Instant now = clock.instant();
        Channel channel = Channel.valueOf(entry.getString("channel").toUpperCase(java.util.Locale.ROOT));
        if (!deliverers.containsKey(channel) || entry.getDate("nextAttemptAt").toInstant().isAfter(now)
                || entry.getDate("leaseUntil").toInstant().isAfter(now) || !outbox.isFirstInLine(entry)) {
            return;
        }
        Document claimed = outbox.claim(entry, owner, now.plus(settings.lease()));
        if (claimed != null) {
            senders.execute(() -> deliver(claimed));
        }
    }

    private void deliver(Document entry) {
        String id = entry.getString("_id");
        Channel channel = Channel.valueOf(entry.getString("channel").toUpperCase(java.util.Locale.ROOT));
        int attempt = ((Number) entry.get("attempts")).intValue() + 1;
        String conversation = entry.getString("conversation");
        try {
            if (outbox.isStopped(conversation)) {
                outbox.markFinal(id, conversation, OutboxStatus.FAILED, attempt - 1, "recipient gone", clock.instant());
                return;
            }
            Delivery delivery = outbox.delivery(entry, attempt);
            DeliveryResult result;
            try {
                result = deliverers.get(channel).deliver(delivery);
            } catch (RuntimeException e) {
                result = new DeliveryResult.Retry(e.getClass().getName(), null);
            }
            record(delivery, result);
            if (conversation != null) {
                // the next entry of this conversation may now go
                outbox.queued(conversation).stream().findFirst().ifPresent(next -> hint(next.getString("id")));
            }
        } catch (RuntimeException e) {
            // The store failed while recording: the lease expires and the entry is tried again.
            log.warn("outbox entry {} could not be recorded: {}", id, e.getClass().getName());
        }
    }

    private void record(Delivery delivery, DeliveryResult result) {
        String channel = delivery.channel().id();
        String conversation = delivery.conversation() == null ? null : outbox.ref(delivery.conversation());
        Instant now = clock.instant();
        switch (result) {
            case DeliveryResult.Sent sent -> {
                outbox.markSent(delivery.id(), conversation, delivery.attempt(), sent.providerId(), now);
                meters.counter("boussole.outbox.sent", "channel", channel).increment();
            }
            case DeliveryResult.Retry retry when delivery.attempt() >= settings.deliveryAttempts() -> {
                outbox.markFinal(delivery.id(), conversation, OutboxStatus.DEAD, delivery.attempt(), retry.reason(), now);
                meters.counter("boussole.outbox.dead_lettered", "channel", channel).increment();
                log.warn("outbox entry {} dead-lettered after {} attempts on {}", delivery.id(), delivery.attempt(), channel);
            }
            case DeliveryResult.Retry retry -> {
                Instant next = now.plus(backoff.after(delivery.attempt(), retry.notBefore()));
                outbox.markRetry(delivery.id(), delivery.attempt(), retry.reason(), next);
                hintAt(delivery.id(), next);
                meters.counter("boussole.outbox.retried", "channel", channel).increment();
            }
            case DeliveryResult.Deferred deferred -> {
                // our own send rate, not the provider's failure: same attempt count, back exactly when allowed
                Instant next = now.plus(deferred.notBefore());
                outbox.markRetry(delivery.id(), delivery.attempt() - 1, deferred.reason(), next);
                hintAt(delivery.id(), next);
                meters.counter("boussole.outbox.deferred", "channel", channel).increment();
            }
            case DeliveryResult.Failed failed -> {
                outbox.markFinal(delivery.id(), conversation, OutboxStatus.FAILED, delivery.attempt(), failed.reason(), now);
                meters.counter("boussole.outbox.failed", "channel", channel).increment();
                log.warn("outbox entry {} failed for good on {}", delivery.id(), channel);
            }
            case DeliveryResult.RecipientGone gone -> {
                outbox.markFinal(delivery.id(), conversation, OutboxStatus.FAILED, delivery.attempt(), gone.reason(), now);
                if (delivery.conversation() != null) {
                    outbox.stopRecipient(delivery.conversation());
                }
                meters.counter("boussole.outbox.failed", "channel", channel).increment();
                log.info("outbox entry {}: recipient gone on {}, conversation stopped", delivery.id(), channel);
            }
        }
    }

    @Override
    public void start() {
        senders = Executors.newFixedThreadPool(Math.max(1, settings.workers()), Thread.ofPlatform().name("outbox-", 0).factory());
        dispatcher = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("outbox-dispatch").factory());
        long poll = settings.pollInterval().toMillis();
        dispatcher.scheduleWithFixedDelay(this::poll, poll, poll, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService d = dispatcher;
        dispatcher = null;
        if (d != null) {
            d.shutdownNow();
            senders.shutdown();
            try {
                senders.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return dispatcher != null;
    }

    @Override
    public int getPhase() {
        // stops before the web server's graceful shutdown ends, after the inbound processing
        return Integer.MAX_VALUE - 2048;
    }
}
