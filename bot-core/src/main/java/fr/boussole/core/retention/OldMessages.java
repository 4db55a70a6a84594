package fr.boussole.core.retention;

import java.time.Instant;

/**
 * Messages received and sent, kept for their processing and delivery only: deleted once handled and
 * old enough (what de-duplication needs of a received message is kept apart, for a while longer), and web
 * chat replies no request took emptied sooner.
 */
public interface OldMessages {

    /** Deletes the inbound messages handled and accepted before {@code cutoff}; the number deleted. */
    int pruneInbound(Instant cutoff);

    /** Deletes the outbox entries finished and created before {@code cutoff}; the number deleted. */
    int pruneOutbox(Instant cutoff);

    /** Cancels and empties the web chat replies no request took, created before {@code cutoff}; how many. */
    int emptyUntakenWebReplies(Instant cutoff);

    /**
     * Deletes the keys kept of inbound messages deleted before {@code cutoff} (a message's key outlives it
     * so that a late redelivery is still a duplicate, but not for ever); the number deleted.
     */
    int forgetInboundKeys(Instant cutoff);
}
