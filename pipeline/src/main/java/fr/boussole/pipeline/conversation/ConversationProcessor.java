package fr.boussole.pipeline.conversation;

import fr.boussole.pipeline.PipelineProperties;
import fr.boussole.pipeline.inbound.InboundMessage;
import fr.boussole.pipeline.inbound.InboundMessages;
import fr.boussole.pipeline.inbound.InboxListener;
import fr.boussole.pipeline.outbox.Backoff;
import fr.boussole.pipeline.outbox.MongoOutbox;
import fr.boussole.core.conversation.ConversationEngine;
import fr.boussole.core.conversation.DialogEvent;
import fr.boussole.core.conversation.Turn;
import fr.boussole.core.ids.Ids;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.privacy.SealingException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Processes inbound messages: strictly in order within a conversation, each exactly once, with
 * several instances on one store. A worker takes the conversation's lease, then handles its oldest
 * pending message at a time:
 * <ol>
 *   <li>load the conversation; if its last stored turn answers this very message, the turn was
 *       applied before a crash: skip to step 3 with the stored events;</li>
 *   <li>call the engine, then store the new state, the events and what follows from them (the
 *       opt-out flag) in one write conditioned on the version read (the single point where a turn
 *       becomes real);</li>
 *   <li>carry out the events (outbox entries with derived ids, contact requests...): idempotent, and
 *       fenced by the conversation's epoch, so that a worker that comes late after an erasure takes
 *       back what it wrote ({@link TurnEffects});</li>
 *   <li>mark the message processed, conditioned on the attempts read (its {@code cas}).</li>
 * </ol>
 * A crash between any two steps is repaired by running them again. Leases only prevent wasted
 * work; the conditioned writes are what make a turn happen once and its bookkeeping stay true.
 */
@Component
public class ConversationProcessor implements InboxListener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ConversationProcessor.class);
    private static final Duration UNREADABLE_RETRY = Duration.ofMinutes(10);

    private final InboundMessages inbound;
    private final Conversations conversations;
    private final Leases leases;
    private final TurnEffects effects;
    private final MongoOutbox outbox;
    private final ConversationEngine engine;
    private final PipelineProperties settings;
    private final Backoff backoff;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Timer latency;
    private final String instance = Ids.random("instance");
    private final AtomicLong drains = new AtomicLong();
    private final Set<ConversationKey> queued = ConcurrentHashMap.newKeySet();
    private final Set<ProcessedListener> listeners = ConcurrentHashMap.newKeySet();
    /** Messages recorded here as their conversation's head, until a drain of the conversation starts. */
    private final Map<ConversationKey, InboundMessages.Recorded> recordedHeads = new ConcurrentHashMap<>();
    private volatile ExecutorService workers;
    private volatile ScheduledExecutorService poller;

    ConversationProcessor(InboundMessages inbound, Conversations conversations, Leases leases, TurnEffects effects,
                          MongoOutbox outbox, ConversationEngine engine, PipelineProperties settings, Clock clock,
                          MeterRegistry meters) {
        this.inbound = inbound;
        this.conversations = conversations;
        this.leases = leases;
        this.effects = effects;
        this.outbox = outbox;
        this.engine = engine;
        this.settings = settings;
        this.backoff = new Backoff(settings.processingBackoff(), settings.maxBackoff());
        this.clock = clock;
        this.meters = meters;
        this.latency = Timer.builder("boussole.processing.latency")
                .description("from an inbound message's recording to the end of its turn")
                .publishPercentileHistogram().register(meters);
    }

    /**
     * Told of each message processed here, so that a waiting web request returns at once, with its
     * replies as they were enqueued (told once the message's "processed" mark is durable, which covers
     * them), without reading them back from the store.
     */
    public interface ProcessedListener {
        /**
         * @param replies the turn's replies as enqueued; null when the message was parked (it has no turn)
         */
        void processed(String inboundId, Replies replies);
    }

    /** A turn's replies: their outbox ids and the messages, in order. */
    public record Replies(ConversationKey conversation, List<String> ids, List<fr.boussole.core.message.OutboundMessage> messages) {}

    public void addListener(ProcessedListener listener) {
        listeners.add(listener);
    }

    public void removeListener(ProcessedListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void accepted(ConversationKey conversation, InboundMessages.Recorded recorded) {
        if (recorded.head() && workers != null) {
            // the drain reads it at its rank, without the counter (InboundMessages#look(ConversationKey, Recorded))
            recordedHeads.put(conversation, recorded);
        }
        schedule(conversation);
    }

    private void schedule(ConversationKey conversation) {
        ExecutorService pool = workers;
        if (pool == null || !queued.add(conversation)) {
            return;
        }
        try {
            pool.execute(() -> {
                queued.remove(conversation);
                drain(conversation);
            });
        } catch (RejectedExecutionException stopping) {
            queued.remove(conversation);
        }
    }

    /** Puts back in the live work what a crash of any instance took out of it (see {@link InboundMessages#relistForgotten}). */
    private void relistForgotten() {
        try {
            inbound.relistForgotten(clock.instant());
        } catch (RuntimeException e) {
            log.warn("looking for conversations a crash left out of the live work failed: {}", e.getClass().getName());
        }
    }

    private void poll() {
        try {
            Instant now = clock.instant();
            inbound.conversationsWithDueWork(now, 500, unreadable -> {
                // its address cannot be opened here (a key not given to this instance yet): set aside, not in the way
                meters.counter("boussole.processing.unreadable").increment();
                log.error("a conversation with work due cannot be opened (sealed under a key not given to this instance?);"
                        + " looked at again in {}", UNREADABLE_RETRY);
                inbound.dueAgainAt(unreadable, now.plus(UNREADABLE_RETRY));
            }).forEach(this::schedule);
        } catch (RuntimeException e) {
            log.warn("polling for inbound work failed: {}", e.getClass().getName());
        }
    }

    /** Processes the conversation's due messages, in order, for as long as it holds the lease. */
    void drain(ConversationKey conversation) {
        String lease = "conversation:" + conversations.ref(conversation); // no address in the store
        String token = instance + "-" + drains.incrementAndGet();
        long processed = 0; // the rank of the last message processed here: known done, not read again
        String counter = null; // the incarnation of the counter that rank came from (the mark goes through it)
        InboundMessages.Recorded recorded = recordedHeads.remove(conversation); // the head, if recorded here as such
        try {
            while (leases.tryAcquire(lease, token, clock.instant(), settings.lease())) {
                long renewed = System.nanoTime();
                long renewEvery = settings.lease().toNanos() / 3;
                InboundMessages.Look look = null; // the last walk of the ranks, if it ended the drain
                try {
                    while (workers != null) {
                        // after a message processed here, its rank is marked done and the counter read in one command
                        InboundMessages.Look walked = recorded != null ? inbound.look(conversation, recorded)
                                : inbound.look(conversation, processed, counter);
                        recorded = null;
                        Optional<InboundMessage> head = walked.head();
                        if (head.isEmpty() || head.get().nextAttemptAt().isAfter(clock.instant())) {
                            look = walked;
                            break;
                        }
                        // renewed when a third of the lease has gone by, not before each message: a round trip saved
                        if (System.nanoTime() - renewed > renewEvery) {
                            if (!leases.renew(lease, token, clock.instant(), settings.lease())) {
                                return;
                            }
                            renewed = System.nanoTime();
                        }
                        long done = process(head.get());
                        if (done == STOP) {
                            return;
                        }
                        if (done > processed) {
                            processed = done;
                            counter = walked.counter();
                        }
                    }
                } finally {
                    leases.release(lease, token);
                }
                if (look == null || workers == null || look.head().isPresent()) {
                    return; // stopping, or a message waiting for its retry: listed for then (the next start, retryLater)
                }
                if (look.waiting()) {
                    // A rank counted and still empty: its recording may have landed while we held the lease, and its
                    // wake-up found the lease taken: look again, now that it is released.
                    Optional<InboundMessage> head = inbound.look(conversation, 0, null).head();
                    if (head.isEmpty()) {
                        inbound.settled(conversation); // out of the live work, unless something was counted meanwhile
                        return;
                    }
                    if (head.get().nextAttemptAt().isAfter(clock.instant())) {
                        return;
                    }
                    continue;
                }
                // Every rank counted was done at the walk: out of the live work, unless a message was counted since.
                // Recorded while we held the lease, its wake-up found the lease taken: then drain again at once.
                if (!inbound.settled(conversation)) {
                    return;
                }
            }
        } catch (RuntimeException storeTrouble) {
            // Nothing is lost: the message stays pending and the next poll comes back to it.
            log.warn("processing of a conversation interrupted: {}", storeTrouble.getClass().getName());
        }
    }

    /** What {@link #process} returns to stop draining the conversation. */
    private static final long STOP = -1;

    /**
     * @return {@link #STOP}, or else go on with the conversation's next message: the message's rank when this
     *         worker marked it processed (known done), 0 when it does not know (marked by someone else, or not)
     */
    private long process(InboundMessage message) {
        try {
            StoredConversation stored = conversations.load(message.conversation());
            List<DialogEvent> events;
            boolean optedOutBefore;
            String epoch;
            if (message.id().equals(stored.lastInboundId())) {
                // applied before an interruption: complete it, from the flags as they were before it
                events = stored.lastEvents();
                optedOutBefore = stored.optedOutBefore();
                epoch = stored.epoch();
            } else if (stored.lastSequence() >= message.sequence()) {
                events = List.of(); // an older turn, long complete (cannot happen unless marked by hand)
                optedOutBefore = stored.optedOut();
                epoch = stored.epoch();
            } else {
                Instant now = clock.instant();
                Turn turn = engine.handle(stored.state(), message.inbound(), now);
                Conversations.Applied applied = conversations.applyTurn(stored, turn.state(), message.id(),
                        message.sequence(), turn.events(), now);
                if (applied == null) {
                    return STOP; // another worker took over this conversation: it carries on
                }
                events = turn.events();
                optedOutBefore = stored.optedOut();
                epoch = applied.epoch();
                outbox.resumeRecipient(message.conversation(), message.sequence());
            }
            TurnEffects.Outcome outcome = effects.carryOut(message, optedOutBefore, events,
                    () -> conversations.stillIn(message.conversation(), epoch));
            boolean marked = inbound.markProcessed(message, outcome.replies(), clock.instant());
            if (!marked) {
                log.info("inbound {} was completed by another worker meanwhile", message.id());
            }
            latency.record(Duration.between(message.acceptedAt(), clock.instant()));
            Replies replies = new Replies(message.conversation(), outcome.replies(), outcome.messages());
            listeners.forEach(l -> l.processed(message.id(), replies));
            return marked ? message.sequence() : 0;
        } catch (DataAccessResourceFailureException | TransientDataAccessException storeDown) {
            // not the message's fault (the store unreachable, or a failure it labels transient, such as a
            // write cut by a failover): do not count it as an attempt, the message waits for the store
            throw storeDown;
        } catch (RuntimeException failure) {
            failed(message, failure);
            return STOP;
        }
    }

    private void failed(InboundMessage message, RuntimeException failure) {
        int attempts = message.attempts() + 1;
        meters.counter("boussole.processing.failures").increment();
        Instant now = clock.instant();
        if (attempts >= settings.processingAttempts()) {
            String reason = failure instanceof SealingException ? "unreadable" : failure.getClass().getName();
            if (inbound.park(message, attempts, reason, now)) {
                meters.counter("boussole.processing.parked").increment();
                log.error("inbound {} parked after {} failed attempts: {}", message.id(), attempts, failure.getClass().getName());
            }
            listeners.forEach(l -> l.processed(message.id(), null));
            schedule(message.conversation()); // the next messages go on
            return;
        }
        Duration wait = backoff.after(attempts);
        if (!inbound.retryLater(message, attempts, now.plus(wait))) {
            return; // another worker holds this message now: it decides
        }
        log.warn("inbound {} failed (attempt {} of {}), retry in {} ms: {}", message.id(), attempts,
                settings.processingAttempts(), wait.toMillis(), failure.getClass().getName());
        ScheduledExecutorService p = poller;
        if (p != null) {
            try {
                p.schedule(() -> schedule(message.conversation()), wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                // the next start polls it
            }
        }
    }

    @Override
    public void start() {
        workers = Executors.newFixedThreadPool(Math.max(1, settings.workers()), Thread.ofPlatform().name("inbound-", 0).factory());
        poller = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("inbound-poll").factory());
        long poll = settings.pollInterval().toMillis();
        poller.execute(this::relistForgotten); // before the first poll, on the same thread
        poller.scheduleWithFixedDelay(this::poll, 0, poll, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ExecutorService w = workers;
        workers = null;
        recordedHeads.clear();
        if (w != null) {
            poller.shutdownNow();
            w.shutdown();
            try {
                w.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return workers != null;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1024; // stops before the outbox worker
    }
}
