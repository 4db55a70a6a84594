package fr.boussole.core.retention;

import java.time.Instant;

/** Conversations whose young person has said nothing for a while: their state is forgotten. */
public interface IdleConversations {

    /** Forgets the conversations idle since before {@code cutoff}; the number forgotten. */
    int forgetIdle(Instant cutoff, Instant now);
}
