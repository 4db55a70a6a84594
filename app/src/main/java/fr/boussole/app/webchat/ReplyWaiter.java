package fr.boussole.app.webchat;

import fr.boussole.app.conversation.ConversationProcessor;
import fr.boussole.app.inbound.InboundMessage;
import fr.boussole.app.inbound.InboundMessages;
import fr.boussole.app.inbound.InboundStatus;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Waits, bounded, until an inbound message's turn is complete. Woken at once when this instance
 * processed it; another instance's work is seen by looking at the store every second.
 */
@Component
class ReplyWaiter {

    private static final long CHECK_EVERY_MS = 1000;

    private final ConversationProcessor processor;
    private final InboundMessages inbound;

    ReplyWaiter(ConversationProcessor processor, InboundMessages inbound) {
        this.processor = processor;
        this.inbound = inbound;
    }

    /** @return the final status, or empty when the time ran out first */
    Optional<InboundStatus> await(String inboundId, Duration timeout) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        ConversationProcessor.ProcessedListener listener = id -> {
            if (id.equals(inboundId)) {
                done.countDown();
            }
        };
        processor.addListener(listener);
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                Optional<InboundStatus> status = inbound.byId(inboundId).map(InboundMessage::status)
                        .filter(s -> s != InboundStatus.PENDING);
                long left = deadline - System.nanoTime();
                if (status.isPresent() || left <= 0) {
                    return status;
                }
                done.await(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, CHECK_EVERY_MS), TimeUnit.MILLISECONDS);
            }
        } finally {
            processor.removeListener(listener);
        }
    }
}
