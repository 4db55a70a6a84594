package fr.boussole.core.message;

import java.util.List;
import java.util.Optional;

/**
 * For a channel that answers in the same exchange as the message (the web chat): once {@link Inbox#accept}
 * has recorded a message, waits, bounded by the pipeline's own setting, until its turn is complete and
 * hands back that message's replies, in order. Asked again for the same message (a client retry), it
 * returns the same replies.
 */
public interface ReplyWait {

    /** How the wait ended. */
    sealed interface Outcome {
        /** The turn is complete: its replies, possibly none. */
        record Answered(List<OutboundMessage> replies) implements Outcome {
            public Answered {
                replies = List.copyOf(replies);
            }
        }

        /** Processing gave up on the message (parked after repeated failures). */
        record Failed() implements Outcome {}

        /** The turn did not complete in time; the message stays recorded and will still be processed. */
        record TimedOut() implements Outcome {}
    }

    /**
     * @param providerMessageId the id the message was accepted under ({@link Inbound#providerMessageId()})
     * @throws StoreUnavailableException when the store cannot be reached
     */
    Outcome await(Channel channel, String providerMessageId) throws InterruptedException;

    /**
     * The label of a choice the conversation's last turn offered, so that a tap (which carries only
     * the choice's id) is recorded with its words; empty when no such choice was offered.
     *
     * @throws StoreUnavailableException when the store cannot be reached
     */
    Optional<String> offeredLabel(ConversationKey conversation, String choiceId);

    /**
     * The bot's messages of the conversation that its page has not shown yet, in order: what the bot
     * wrote first (news of a request, a person's words) and the replies of a message whose wait ran out.
     * Returning them is their delivery: asked again, it returns the ones written since.
     *
     * @throws StoreUnavailableException when the store cannot be reached
     */
    List<OutboundMessage> unread(ConversationKey conversation);
}
