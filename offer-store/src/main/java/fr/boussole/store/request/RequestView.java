package fr.boussole.store.request;

import fr.boussole.core.conversation.Answer;
import fr.boussole.core.conversation.ContactMethod;
import fr.boussole.core.message.PhoneNumbers;

import java.time.Instant;
import java.util.List;

/**
 * A contact request as people read it: with its offer's title and its organisation's name, its
 * follow-ups in time order and the first contact they record. What the console's pages and the
 * promises' emails show; read through {@link RequestBook}.
 *
 * @param urgent the young person gave an urgent answer or said they were in danger: the organisation and the
 *               territory's animateurs are alerted at once, and the console shows it first, with a badge
 */
public record RequestView(String id, String offerId, String offerTitle, String organisationId,
                          String organisationName, String territoryId, String theme, int age,
                          String communeName, List<Answer> answers, ContactMethod contactMethod,
                          String contactAddress, Instant createdAt, Instant dueAt, int delayDays,
                          RequestStatus status, Outcome outcome, Instant firstContactAt,
                          List<FollowUp> followUps, boolean urgent) {

    public RequestView {
        answers = List.copyOf(answers);
        followUps = List.copyOf(followUps);
    }

    /** The contact address as a professional reads and dials it ({@code 06 12 34 56 78}); an email as it is. */
    public String contactShown() {
        return PhoneNumbers.display(contactAddress);
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
