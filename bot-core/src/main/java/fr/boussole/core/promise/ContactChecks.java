package fr.boussole.core.promise;

import fr.boussole.core.message.ConversationKey;

import java.time.Instant;
import java.util.List;

/**
 * "Were you contacted?": the offer store's promises know which requests are past due, the pipeline
 * and the engine talk to the young person. Implemented by the offer store.
 */
public interface ContactChecks {

    /** What the young person answered. */
    enum Answer { YES, NO, NOT_YET }

    /** A young person to ask, on the conversation they used, about one request. */
    record Due(String requestId, ConversationKey conversation, String offerTitle, String organisationName) {}

    /**
     * The requests past their due date whose young person has not been asked yet, at most
     * {@code limit}. A request is handed out again until {@link #asked} marks it (after a crash, or to
     * another instance): the caller's asking must be idempotent.
     */
    List<Due> takeDue(Instant now, int limit);

    /**
     * Marks the request as asked, once its question is safely on its way (in the inbox), so that a
     * crash in between repeats the question rather than loses it. Idempotent; keeps an answer given already.
     */
    void asked(String requestId, Instant at);

    /** Records the answer on the request; a "no" alerts the animateurs of the territory. Idempotent. */
    void answered(String requestId, Answer answer, Instant at);
}
