package fr.boussole.core.retention;

import java.time.Instant;

/**
 * What the promises keep of a request besides the request, ids only: the answers to "were you contacted?"
 * (the territory's statistics) and the marks of reminders already sent (so that each goes once).
 */
public interface OldPromiseMarks {

    /**
     * Deletes the answers to "were you contacted?" asked before {@code cutoff} whose request is anonymised or gone
     * (a request still whole would be asked again); the number deleted.
     */
    int deleteContactChecksBefore(Instant cutoff);

    /**
     * Deletes the marks of reminders sent before {@code cutoff} whose request can no longer be reminded (closed,
     * followed up, anonymised or gone: a mark deleted earlier would send its reminder again); the number deleted.
     */
    int deleteReminderMarksBefore(Instant cutoff);
}
