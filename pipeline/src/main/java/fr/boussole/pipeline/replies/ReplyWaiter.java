package fr.boussole.pipeline.replies;

import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.message.OutboundMessage;
import fr.boussole.core.message.ReplyWait;
import fr.boussole.core.message.StoreUnavailableException;
import fr.boussole.pipeline.PipelineProperties;
import fr.boussole.pipeline.conversation.ConversationProcessor;
import fr.boussole.pipeline.conversation.Conversations;
import fr.boussole.pipeline.inbound.InboundMessages;
import fr.boussole.pipeline.inbound.InboundStatus;
import fr.boussole.pipeline.outbox.WebReplies;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The web chat's reply wait: bounded by {@code boussole.pipeline.web-reply-timeout}, until an inbound
 * message's turn is complete. When this instance processed it, the worker hands the replies over
 * in memory (after the message's "processed" mark, which waited for durability and so covers the
 * turn and its replies): nothing is read back from the store. Another instance's work is seen by
 * looking at the store every second, which is also the way back when a hand-over was missed. A wait that
 * lasts beyond {@code stall-report-after} is counted, and logs what the process's threads are doing
 * ({@link StallReport}).
 */
@Component
class ReplyWaiter implements ReplyWait {

    private static final long FIRST_CHECK_MS = 100;
    private static final long CHECK_EVERY_MS = 1000;
    private static final int RECENT = 512;
    private static final Logger log = LoggerFactory.getLogger(ReplyWaiter.class);

    private final InboundMessages inbound;
    private final Conversations conversations;
    private final WebReplies webReplies;
    private final PipelineProperties settings;
    private final StallReport stallReport = new StallReport(System::nanoTime);
    private final Counter stalled;
    /** The waits in progress on this instance, by inbound id. */
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    /** Turns that ended here with no request waiting yet, the last few hundred (most are other channels'). */
    private final Map<String, Handed> recent = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Handed> eldest) {
            return size() > RECENT;
        }
    });

    ReplyWaiter(ConversationProcessor processor, InboundMessages inbound, Conversations conversations,
                WebReplies webReplies, PipelineProperties settings, MeterRegistry meters) {
        this.inbound = inbound;
        this.conversations = conversations;
        this.webReplies = webReplies;
        this.settings = settings;
        this.stalled = Counter.builder("boussole.processing.stalled.waits")
                .description("web chat waits for replies that lasted beyond stall-report-after").register(meters);
        processor.addListener(this::handOver);
    }

    /**
     * From the worker. A turn that ends before its request began to wait (a request thread descheduled
     * for a moment) is kept a little while among the recent ones, where the wait looks first: each side
     * looks at the other's after publishing its own, so neither misses the other.
     */
    private void handOver(String inboundId, ConversationProcessor.Replies replies) {
        Waiting wait = waiting.get(inboundId);
        if (wait == null) {
            recent.put(inboundId, new Handed(replies));
            wait = waiting.get(inboundId);
            if (wait == null || recent.remove(inboundId) == null) {
                return;
            }
        }
        wait.handOver(replies);
    }

    /** A hand-over (null replies: parked). */
    private record Handed(ConversationProcessor.Replies replies) {}

    /** One request waiting: what the worker handed over, once it did. */
    private static final class Waiting {
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile ConversationProcessor.Replies replies;
        private volatile boolean parked;

        void handOver(ConversationProcessor.Replies handed) {
            if (handed == null) {
                parked = true;
            } else {
                replies = handed;
            }
            done.countDown();
        }
    }

    @Override
    public Outcome await(Channel channel, String providerMessageId) throws InterruptedException {
        String inboundId = InboundMessages.idOf(channel, providerMessageId);
        Waiting wait = new Waiting();
        waiting.put(inboundId, wait);
        Handed early = recent.remove(inboundId);
        if (early != null) {
            wait.handOver(early.replies());
        }
        try {
            long started = System.nanoTime();
            long deadline = started + settings.webReplyTimeout().toNanos();
            long stallAt = started + settings.stallReportAfter().toNanos();
            boolean stallSeen = false;
            // Handed over while waiting; otherwise a look at the store soon, then every second (a retry of a
            // message answered before, another instance's work, a hand-over lost to the recent ones' limit).
            Optional<InboundStatus> status = Optional.empty();
            long next = FIRST_CHECK_MS;
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || wait.done.await(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, next),
                        TimeUnit.MILLISECONDS)) {
                    break;
                }
                next = CHECK_EVERY_MS;
                if (!stallSeen && System.nanoTime() - stallAt >= 0) {
                    stallSeen = true;
                    stalled(Duration.ofNanos(System.nanoTime() - started));
                }
                status = inbound.statusOf(inboundId).filter(s -> s != InboundStatus.PENDING);
                if (status.isPresent()) {
                    break;
                }
            }
            if (wait.done.getCount() == 0) {
                if (wait.parked) {
                    return new Outcome.Failed();
                }
                ConversationProcessor.Replies replies = wait.replies;
                return new Outcome.Answered(webReplies.taken(replies.conversation(), replies.ids(), replies.messages()));
            }
            if (status.isEmpty()) {
                return new Outcome.TimedOut();
            }
            if (status.get() == InboundStatus.PARKED) {
                return new Outcome.Failed();
            }
            return new Outcome.Answered(webReplies.take(inbound.replyIds(inboundId)));
        } catch (DataAccessException | com.mongodb.MongoException e) {
            throw new StoreUnavailableException("the reply wait could not reach the store", e);
        } finally {
            waiting.remove(inboundId, wait);
        }
    }

    private void stalled(Duration waited) {
        stalled.increment();
        if (!stallReport.due()) {
            return;
        }
        String threads;
        try {
            threads = StallReport.threads();
        } catch (RuntimeException unavailable) {
            // a diagnosis, never a reason for the young person's wait to fail (a JVM without thread monitoring)
            threads = "(not available here: " + unavailable + ")";
        }
        log.warn("A web chat reply has been awaited for {} ms (stall-report-after: {} ms); what the process's threads"
                        + " are doing (no other such report for {} min):\n{}", waited.toMillis(),
                settings.stallReportAfter().toMillis(), StallReport.EVERY.toMinutes(), threads);
    }

    @Override
    public Optional<String> offeredLabel(ConversationKey conversation, String choiceId) {
        try {
            return Optional.ofNullable(conversations.offeredLabel(conversation, choiceId));
        } catch (DataAccessException | com.mongodb.MongoException e) {
            throw new StoreUnavailableException("the reply wait could not reach the store", e);
        }
    }

    @Override
    public List<OutboundMessage> unread(ConversationKey conversation) {
        try {
            return webReplies.takeUnread(conversation);
        } catch (DataAccessException | com.mongodb.MongoException e) {
            throw new StoreUnavailableException("the reply wait could not reach the store", e);
        }
    }

}
