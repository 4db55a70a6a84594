package fr.boussole.core.retention;

import java.time.Instant;

/** Messages received and sent, kept for their processing and delivery only: their text is emptied. */
public interface OldMessages {

    /** Empties the inbound messages processed before {@code cutoff}; the number emptied. */
    int emptyInbound(Instant cutoff);

    /** Empties the outbox entries finished before {@code cutoff}; the number emptied. */
    int emptyOutbox(Instant cutoff);
}
