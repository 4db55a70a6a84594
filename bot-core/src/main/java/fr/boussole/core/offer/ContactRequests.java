package fr.boussole.core.offer;

import fr.boussole.core.conversation.ContactRequestDraft;

import fr.boussole.core.conversation.ConsentRecord;

import java.time.Instant;
import java.util.Optional;

/** Records contact requests. Implemented by the store; called by the pipeline after a turn. */
public interface ContactRequests {

    /** What was recorded, for the confirmation and the alerts. */
    record Recorded(String requestId, String offerId, String organisationId, Instant createdAt, Instant dueAt) {}

    /**
     * Records the request under this id. Idempotent: a second call with the same id records nothing
     * more and returns what the first recorded.
     */
    Recorded record(String requestId, ContactRequestDraft draft);

    /**
     * Records under this id a request to another offer, made of a previous request of the same young
     * person (their contact, age, commune and answers) with a new consent. Idempotent like {@link #record}.
     *
     * @return empty when the previous request no longer holds what a new one needs (erased, anonymised)
     *         or the offer is unknown
     */
    Optional<Recorded> recordAnother(String requestId, String previousRequestId, String offerId, ConsentRecord consent);
}
