package fr.boussole.core.retention;

import java.time.Instant;

/** The console's audit log (who saw or changed what): its entries are kept for a while, then deleted. */
public interface OldAuditEntries {

    /** Deletes the entries written before {@code limit}; the number deleted. */
    int deleteBefore(Instant limit);
}
