package fr.boussole.pipeline.inbound;

import fr.boussole.core.message.Inbound;
import fr.boussole.core.message.ConversationKey;

import java.time.Instant;

/**
 * A recorded inbound message as the pipeline sees it.
 *
 * @param id         derived from the channel and the provider's id: the de-duplication key
 * @param sequence   its rank in its conversation, in order of arrival: messages are processed in this order
 * @param attempts   failed processing attempts so far
 * @param acceptedAt when the inbox recorded it (processing latency is measured from here)
 */
public record InboundMessage(String id, long sequence, Inbound inbound, int attempts, Instant acceptedAt,
                             Instant nextAttemptAt, InboundStatus status) {

    public ConversationKey conversation() {
        return inbound.conversation();
    }
}
