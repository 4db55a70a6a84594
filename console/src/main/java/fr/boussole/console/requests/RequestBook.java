package fr.boussole.console.requests;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The contact requests as the console reads and updates them (backed by the offer store). */
public interface RequestBook {

    Optional<RequestView> find(String requestId);

    List<RequestView> ofOrganisation(String organisationId);

    List<RequestView> ofTerritory(String territoryId);

    /** Every request not closed yet, in every territory (for the reminder job). */
    List<RequestView> open();

    /** Adds a follow-up; a first follow-up moves a new request to "in progress". */
    void recordFollowUp(String requestId, String author, Instant at, String means, String comment, Outcome outcome);

    /** Closes the request with its outcome. */
    void close(String requestId, String author, Instant at, Outcome outcome, String comment);
}
