package fr.boussole.pipeline.outbox;

import fr.boussole.core.delivery.Deliverer;
import fr.boussole.core.delivery.Delivery;
import fr.boussole.core.delivery.DeliveryResult;
import fr.boussole.core.ids.Ids;
import fr.boussole.core.message.Channel;
import fr.boussole.pipeline.PipelineProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends what the outbox holds. A dispatcher thread considers entries as they are enqueued here or
 * become due (hints by id), and on each poll the due entries left by a crash or another instance.
 * Each channel has its own bounded pool of senders ({@link Senders}): an entry is claimed only when a
 * sender of its channel is free, so nothing claimed ever waits in a queue while its claim runs out,
 * and a slow provider holds up its own channel only. A claim is a compare-and-set that bumps the
 * entry's generation; the sender's every change (sent, retry, failed) is conditioned on that
 * generation, and the claim is kept alive while the provider call runs (up to {@code send-timeout}),
 * so that each claim reaches the provider at most once.
 */
@Component
public class OutboxWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);
    /** Due entries read per poll and channel: more than every sender of a channel can take. */
    private static final int BATCH = 100;

    private final MongoOutbox outbox;
    private final Map<Channel, Deliverer> deliverers = new EnumMap<>(Channel.class);
    private final PipelineProperties settings;
    private final Backoff backoff;
    private final Clock clock;
    private final MeterRegistry meters;
    private final String owner = Ids.random("worker");
    private final AtomicBoolean nudged = new AtomicBoolean();
    private final Queue<String> hints = new ConcurrentLinkedQueue<>();
    /** The claims whose provider call is running here, renewed until it ends (or send-timeout). */
    private final Map<String, InFlight> inFlight = new ConcurrentHashMap<>();
    private final Map<Channel, Senders> senders = new EnumMap<>(Channel.class);
    private volatile ScheduledExecutorService dispatcher;
    /** Its own thread, so that a long poll never delays the renewal of a claim. */
    private volatile ScheduledExecutorService renewer;

    private record InFlight(MongoOutbox.Claim claim, Instant startedAt) {}

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
                    .tag("status", status.name().toLowerCase(Locale.ROOT))
                    .description("outbox entries by status").register(meters);
        }
    }

    /** This entry was enqueued or may now go: look at it now rather than at the next poll. */
    void hint(String id) {
        hints.add(id);
        nudge();
    }

    private void nudge() {
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
                consider(id, outbox.byId(id));
            } catch (RuntimeException e) {
                log.warn("outbox dispatch failed: {}", e.getClass().getName());
            }
        }
    }

    private void poll() {
        try {
            drainHints();
            List<String> channels = senders.entrySet().stream().filter(e -> e.getValue().free() > 0)
                    .map(e -> e.getKey().id()).toList();
            if (channels.isEmpty()) {
                return;
            }
            for (String id : outbox.dueIds(channels, clock.instant(), BATCH)) {
                consider(id, outbox.byId(id));
            }
        } catch (RuntimeException e) {
            log.warn("outbox poll failed: {}", e.getClass().getName());
        }
    }

    /** Keeps the claims of running sends alive; a send running past send-timeout is left to expire. */
    private void renewInFlight() {
        Instant now = clock.instant();
        for (InFlight flight : inFlight.values()) {
            try {
                if (Duration.between(flight.startedAt(), now).compareTo(settings.sendTimeout()) > 0) {
                    continue; // the claim runs out: another attempt may be made (the at-least-once window)
                }
                if (!outbox.renew(flight.claim(), now.plus(settings.lease()))) {
                    log.warn("outbox entry {}: claim lost during its send", flight.claim().id());
                }
            } catch (RuntimeException e) {
                log.warn("outbox claim renewal failed: {}", e.getClass().getName());
            }
        }
    }

    private void consider(String id, Document entry) {
        if (entry == null || !OutboxStatus.PENDING.name().equals(entry.getString("status"))) {
            outbox.forgetDue(id); // done (or erased) but still listed as due: a crash in between
            return;
        }
        if (inFlight.containsKey(id)) {
            return; // being sent here, whatever its lease says (a renewal may be late on a loaded machine)
        }
        Instant now = clock.instant();
        Channel channel = Channel.valueOf(entry.getString("channel").toUpperCase(Locale.ROOT));
        Senders pool = senders.get(channel);
        if (pool == null || entry.getDate("nextAttemptAt").toInstant().isAfter(now)
                || entry.getDate("leaseUntil").toInstant().isAfter(now) || !outbox.isFirstInLine(entry)) {
            return;
        }
        if (!pool.reserve()) {
            return; // every sender of this channel is busy: the entry stays unclaimed until one is free
        }
        Document claimed;
        try {
            claimed = outbox.claim(entry, owner, now.plus(settings.lease()));
        } catch (RuntimeException e) {
            pool.release();
            throw e;
        }
        if (claimed == null) {
            pool.release();
            return;
        }
        MongoOutbox.Claim claim = MongoOutbox.claimOf(claimed);
        inFlight.put(claim.id(), new InFlight(claim, now));
        try {
            pool.run(() -> {
                try {
                    deliver(claim, claimed);
                } finally {
                    inFlight.remove(claim.id());
                    pool.release();
                    nudgePoll();
                }
            });
        } catch (RejectedExecutionException stopping) {
            inFlight.remove(claim.id());
            pool.release();
        }
    }

    /** A sender is free again: look for due work of its channel at once rather than at the next poll. */
    private void nudgePoll() {
        ScheduledExecutorService d = dispatcher;
        if (d != null) {
            try {
                d.execute(this::poll);
            } catch (RejectedExecutionException stopping) {
                // stopping
            }
        }
    }

    private void deliver(MongoOutbox.Claim claim, Document entry) {
        String id = claim.id();
        Channel channel = Channel.valueOf(entry.getString("channel").toUpperCase(Locale.ROOT));
        int attempt = ((Number) entry.get("attempts")).intValue() + 1;
        String conversation = claim.conversation();
        try {
            if (outbox.isStopped(conversation)) {
                outbox.markFinal(claim, OutboxStatus.FAILED, attempt - 1, "recipient gone", clock.instant());
                return;
            }
            Delivery delivery = outbox.delivery(entry, attempt);
            DeliveryResult result;
            try {
                result = deliverers.get(channel).deliver(delivery);
            } catch (RuntimeException e) {
                result = new DeliveryResult.Retry(e.getClass().getName(), null);
            }
            if (!record(claim, delivery, result)) {
                meters.counter("boussole.outbox.claims_lost", "channel", channel.id()).increment();
                log.warn("outbox entry {}: its claim was lost during the send, the result is not recorded", id);
                return;
            }
            if (conversation != null) {
                // the next entry of this conversation may now go
                outbox.queued(conversation).stream().findFirst().ifPresent(next -> hint(next.getString("id")));
            }
        } catch (RuntimeException e) {
            // The store failed while recording: the claim expires and the entry is tried again.
            log.warn("outbox entry {} could not be recorded: {}", id, e.getClass().getName());
        }
    }

    /** @return false when the claim was lost before the result could be recorded */
    private boolean record(MongoOutbox.Claim claim, Delivery delivery, DeliveryResult result) {
        String channel = delivery.channel().id();
        Instant now = clock.instant();
        switch (result) {
            case DeliveryResult.Sent sent -> {
                if (!outbox.markSent(claim, delivery.attempt(), sent.providerId(), now)) {
                    return false;
                }
                meters.counter("boussole.outbox.sent", "channel", channel).increment();
            }
            case DeliveryResult.Retry retry when delivery.attempt() >= settings.deliveryAttempts() -> {
                if (!outbox.markFinal(claim, OutboxStatus.DEAD, delivery.attempt(), retry.reason(), now)) {
                    return false;
                }
                meters.counter("boussole.outbox.dead_lettered", "channel", channel).increment();
                log.warn("outbox entry {} dead-lettered after {} attempts on {}", delivery.id(), delivery.attempt(), channel);
            }
            case DeliveryResult.Retry retry -> {
                Instant next = now.plus(backoff.after(delivery.attempt(), retry.notBefore()));
                if (!outbox.markRetry(claim, delivery.attempt(), retry.reason(), next)) {
                    return false;
                }
                hintAt(delivery.id(), next);
                meters.counter("boussole.outbox.retried", "channel", channel).increment();
            }
            case DeliveryResult.Deferred deferred -> {
                // our own send rate, not the provider's failure: same attempt count, back exactly when allowed
                Instant next = now.plus(deferred.notBefore());
                if (!outbox.markRetry(claim, delivery.attempt() - 1, deferred.reason(), next)) {
                    return false;
                }
                hintAt(delivery.id(), next);
                meters.counter("boussole.outbox.deferred", "channel", channel).increment();
            }
            case DeliveryResult.Failed failed -> {
                if (!outbox.markFinal(claim, OutboxStatus.FAILED, delivery.attempt(), failed.reason(), now)) {
                    return false;
                }
                meters.counter("boussole.outbox.failed", "channel", channel).increment();
                log.warn("outbox entry {} failed for good on {}", delivery.id(), channel);
            }
            case DeliveryResult.RecipientGone gone -> {
                // the stop first: once this entry is finished its queue moves on, and the next must find it
                if (delivery.conversation() != null) {
                    outbox.stopRecipient(delivery.conversation(), delivery.id());
                }
                if (!outbox.markFinal(claim, OutboxStatus.FAILED, delivery.attempt(), gone.reason(), now)) {
                    return false;
                }
                meters.counter("boussole.outbox.failed", "channel", channel).increment();
                log.info("outbox entry {}: recipient gone on {}, conversation stopped", delivery.id(), channel);
            }
        }
        return true;
    }

    @Override
    public void start() {
        for (Channel channel : deliverers.keySet()) {
            senders.put(channel, new Senders(channel, settings.senders()));
        }
        dispatcher = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("outbox-dispatch").factory());
        long poll = settings.pollInterval().toMillis();
        dispatcher.scheduleWithFixedDelay(this::poll, poll, poll, TimeUnit.MILLISECONDS);
        renewer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("outbox-renew").factory());
        long renew = Math.max(10, settings.lease().toMillis() / 3);
        renewer.scheduleWithFixedDelay(this::renewInFlight, renew, renew, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService d = dispatcher;
        dispatcher = null;
        if (d != null) {
            d.shutdownNow();
            renewer.shutdownNow();
            senders.values().forEach(Senders::shutdown);
            for (Senders pool : senders.values()) {
                pool.awaitTermination(Duration.ofSeconds(10));
            }
            senders.clear();
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
