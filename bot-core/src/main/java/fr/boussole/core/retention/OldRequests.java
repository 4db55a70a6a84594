package fr.boussole.core.retention;

import java.time.Instant;

/** Contact requests and anonymous searches past their time: requests anonymised, searches deleted. */
public interface OldRequests {

    /** Anonymises the requests closed before {@code limit}; the number anonymised. */
    int anonymiseClosedBefore(Instant limit);

    /** Anonymises the requests still open whose due date is before {@code limit}; the number anonymised. */
    int anonymiseOpenDueBefore(Instant limit);

    /** Deletes the anonymous searches made before {@code limit}; the number deleted. */
    long deleteSearchesBefore(Instant limit);
}
