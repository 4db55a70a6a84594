package fr.boussole.store.request;

import fr.boussole.core.conversation.Answer;
import fr.boussole.core.conversation.ContactMethod;

import java.time.Instant;
import java.util.List;

/**
 * A contact request as people read it: with its offer's title and its organisation's name, its
 * follow-ups in time order and the first contact they record. What the console's pages and the
 * promises' emails show; read through {@link RequestBook}.
 */
public record RequestView(String id, String offerId, String offerTitle, String organisationId,
                          String organisationName, String territoryId, String theme, int age,
                          String communeName, List<Answer> answers, ContactMethod contactMethod,
                          String contactAddress, Instant createdAt, Instant dueAt, int delayDays,
                          RequestStatus status, Outcome outcome, Instant firstContactAt,
                          List<FollowUp> followUps) {

    public RequestView {
        answers = List.copyOf(answers);
        followUps = List.copyOf(followUps);
    }

    public boolean done() {
        return status == RequestStatus.CLOSED;
    }

    public boolean overdueAt(Instant now) {
        return !done() && firstContactAt == null && now.isAfter(dueAt);
    }

    /** Answered within the promised delay: a first contact before the due date. */
    public boolean keptPromise() {
        return firstContactAt != null && !firstContactAt.isAfter(dueAt);
    }
}
