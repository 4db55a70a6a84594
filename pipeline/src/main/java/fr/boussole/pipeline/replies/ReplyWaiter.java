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
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The web chat's reply wait: bounded by {@code boussole.pipeline.web-reply-timeout}, until an inbound
 * message's turn is complete. Woken at once when this instance processed it; another instance's work
 * is seen by looking at the store every second.
 */
@Component
class ReplyWaiter implements ReplyWait {

    private static final long CHECK_EVERY_MS = 1000;

    private final ConversationProcessor processor;
    private final InboundMessages inbound;
    private final Conversations conversations;
    private final WebReplies webReplies;
    private final PipelineProperties settings;

    ReplyWaiter(ConversationProcessor processor, InboundMessages inbound, Conversations conversations,
                WebReplies webReplies, PipelineProperties settings) {
        this.processor = processor;
        this.inbound = inbound;
        this.conversations = conversations;
        this.webReplies = webReplies;
        this.settings = settings;
    }

    @Override
    public Outcome await(Channel channel, String providerMessageId) throws InterruptedException {
        String inboundId = InboundMessages.idOf(channel, providerMessageId);
        try {
            Optional<InboundStatus> status = finalStatus(inboundId);
            if (status.isEmpty()) {
                return new Outcome.TimedOut();
            }
            if (status.get() == InboundStatus.PARKED) {
                return new Outcome.Failed();
            }
            return new Outcome.Answered(webReplies.take(inbound.replyIds(inboundId)));
        } catch (DataAccessException | com.mongodb.MongoException e) {
            throw new StoreUnavailableException("the reply wait could not reach the store", e);
        }
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

    /** @return the final status, or empty when the time ran out first */
    private Optional<InboundStatus> finalStatus(String inboundId) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        ConversationProcessor.ProcessedListener listener = id -> {
            if (id.equals(inboundId)) {
                done.countDown();
            }
        };
        processor.addListener(listener);
        try {
            long deadline = System.nanoTime() + settings.webReplyTimeout().toNanos();
            while (true) {
                Optional<InboundStatus> status = inbound.statusOf(inboundId).filter(s -> s != InboundStatus.PENDING);
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
