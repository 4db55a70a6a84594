package fr.boussole.console.requests;

import fr.boussole.core.conversation.Answer;
import fr.boussole.core.conversation.ContactMethod;

import java.time.Instant;
import java.util.List;

/** A contact request as the console shows it. */
public record RequestView(String id, String offerId, String offerTitle, String organisationId,
                          String organisationName, String territoryId, String theme, int age,
                          String communeName, List<Answer> answers, ContactMethod contactMethod,
                          String contactAddress, Instant createdAt, Instant dueAt, int delayDays,
                          RequestStatus status, Outcome outcome, Instant firstContactAt,
                          List<FollowUpView> followUps) {

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
