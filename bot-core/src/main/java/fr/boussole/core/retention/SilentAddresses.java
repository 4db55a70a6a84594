package fr.boussole.core.retention;

import java.time.Instant;

/**
 * What a channel keeps about an address between messages (WhatsApp's service window: when the young
 * person last wrote, when a re-engagement template went): forgotten once the address has been silent for
 * as long as an idle conversation is kept.
 */
public interface SilentAddresses {

    /** Forgets what is kept about the addresses silent since before {@code cutoff}; how many. */
    int forgetSilentSince(Instant cutoff);
}
