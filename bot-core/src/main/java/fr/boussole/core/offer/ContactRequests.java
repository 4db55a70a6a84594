package fr.boussole.core.offer;

import fr.boussole.core.conversation.ContactRequestDraft;

import java.time.Instant;

/** Records contact requests. Implemented by the store; called by the pipeline after a turn. */
public interface ContactRequests {

    /** What was recorded, for the confirmation and the alerts. */
    record Recorded(String requestId, String offerId, String organisationId, Instant createdAt, Instant dueAt) {}

    /**
     * Records the request under this id. Idempotent: a second call with the same id records nothing
     * more and returns what the first recorded.
     */
    Recorded record(String requestId, ContactRequestDraft draft);
}
