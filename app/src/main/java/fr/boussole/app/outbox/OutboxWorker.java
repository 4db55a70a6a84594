package fr.boussole.app.outbox;

import fr.boussole.app.config.PipelineProperties;
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
 * Sends what the outbox holds. A dispatcher thread finds due entries (on a poll, or at once when
 * something is enqueued here), skips those whose conversation has an earlier entry still pending,
 * claims each with a lease (single-document findAndModify, so several instances share the work)
 * and hands it to a delivery thread, which calls the channel's {@link Deliverer} once and records
 * the result.
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
    private final AtomicBoolean polling = new AtomicBoolean();
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

    /** Something was enqueued: look now rather than at the next poll. */
    void nudge() {
        ScheduledExecutorService d = dispatcher;
        if (d != null && nudged.compareAndSet(false, true)) {
            try {
                d.execute(() -> {
                    nudged.set(false);
                    dispatch();
                });
            } catch (RejectedExecutionException stopping) {
                nudged.set(false);
            }
        }
    }

    private void dispatch() {
        if (!polling.compareAndSet(false, true)) {
            return;
        }
        try {
            if (deliverers.isEmpty()) {
                return;
            }
            Instant now = clock.instant();
            List<String> channels = deliverers.keySet().stream().map(Channel::id).toList();
            for (Document candidate : outbox.dueCandidates(channels, now, 100)) {
                String conversation = candidate.getString("conversation");
                if (outbox.hasEarlierPending(conversation, ((Number) candidate.get("sequence")).longValue())) {
                    continue;
                }
                Document claimed = outbox.claim(candidate.getString("_id"), owner, now, now.plus(settings.lease()));
                if (claimed != null) {
                    senders.execute(() -> deliver(claimed));
                }
            }
        } catch (RuntimeException e) {
            log.warn("outbox dispatch failed: {}", e.getClass().getName());
        } finally {
            polling.set(false);
        }
    }

    private void deliver(Document entry) {
        String id = entry.getString("_id");
        Channel channel = Channel.valueOf(entry.getString("channel").toUpperCase(java.util.Locale.ROOT));
        int attempt = ((Number) entry.get("attempts")).intValue() + 1;
        String conversation = entry.getString("conversation");
        try {
            if (outbox.isStopped(conversation)) {
                outbox.markFinal(id, OutboxStatus.FAILED, attempt - 1, "recipient gone", clock.instant());
                return;
            }
            Delivery delivery = new Delivery(id, channel, entry.getString("recipient"),
                    conversation == null ? null : ConversationKey.parse(conversation),
                    ((Number) entry.get("sequence")).longValue(), attempt, StoredPayloads.read(entry.get("payload", Document.class)));
            DeliveryResult result;
            try {
                result = deliverers.get(channel).deliver(delivery);
            } catch (RuntimeException e) {
                result = new DeliveryResult.Retry(e.getClass().getName(), null);
            }
            record(delivery, result);
        } catch (RuntimeException e) {
            // The store failed while recording: the lease expires and the entry is tried again.
            log.warn("outbox entry {} could not be recorded: {}", id, e.getClass().getName());
        }
        nudge(); // the next entry of this conversation may now go
    }

    private void record(Delivery delivery, DeliveryResult result) {
        String channel = delivery.channel().id();
        Instant now = clock.instant();
        switch (result) {
            case DeliveryResult.Sent sent -> {
                outbox.markSent(delivery.id(), delivery.attempt(), sent.providerId(), now);
                meters.counter("boussole.outbox.sent", "channel", channel).increment();
            }
            case DeliveryResult.Retry retry when delivery.attempt() >= settings.deliveryAttempts() -> {
                outbox.markFinal(delivery.id(), OutboxStatus.DEAD, delivery.attempt(), retry.reason(), now);
                meters.counter("boussole.outbox.dead_lettered", "channel", channel).increment();
                log.warn("outbox entry {} dead-lettered after {} attempts on {}", delivery.id(), delivery.attempt(), channel);
            }
            case DeliveryResult.Retry retry -> {
                outbox.markRetry(delivery.id(), delivery.attempt(), retry.reason(),
                        now.plus(backoff.after(delivery.attempt(), retry.notBefore())));
                meters.counter("boussole.outbox.retried", "channel", channel).increment();
            }
            case DeliveryResult.Failed failed -> {
                outbox.markFinal(delivery.id(), OutboxStatus.FAILED, delivery.attempt(), failed.reason(), now);
                meters.counter("boussole.outbox.failed", "channel", channel).increment();
                log.warn("outbox entry {} failed for good on {}", delivery.id(), channel);
            }
            case DeliveryResult.RecipientGone gone -> {
                outbox.markFinal(delivery.id(), OutboxStatus.FAILED, delivery.attempt(), gone.reason(), now);
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
        dispatcher.scheduleWithFixedDelay(this::dispatch, poll, poll, TimeUnit.MILLISECONDS);
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
