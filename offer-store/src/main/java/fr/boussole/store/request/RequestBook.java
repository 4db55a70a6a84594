package fr.boussole.store.request;

import fr.boussole.store.offer.Offer;
import fr.boussole.store.offer.Offers;
import fr.boussole.store.organisation.Organisation;
import fr.boussole.store.organisation.Organisations;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The contact requests as people read and change them: the console's pages and the promises. The
 * "first contact" of a request is its first follow-up: noting a call, a message or a meeting is what
 * keeps the promise. Changes go through the aggregate, which guards its transitions.
 */
@Component
public class RequestBook {

    private static final int ATTEMPTS = 3;
    private static final Instant FAR_FUTURE = Instant.parse("9999-12-31T00:00:00Z");

    private final ContactRequestRecords records;
    private final Offers offers;
    private final Organisations organisations;
    private final ApplicationEventPublisher events;

    RequestBook(ContactRequestRecords records, Offers offers, Organisations organisations,
                ApplicationEventPublisher events) {
        this.records = records;
        this.offers = offers;
        this.organisations = organisations;
        this.events = events;
    }

    /**
     * Published after a change that left news owed to the young person ({@link ContactRequest#getNews()}),
     * so that the promises tell them at once; what a crash leaves untold, their job tells later.
     */
    public record NewsDue(String requestId) {}

    public Optional<RequestView> find(String requestId) {
        return records.findById(requestId).map(r -> views(List.of(r)).getFirst());
    }

    public List<RequestView> ofOrganisation(String organisationId) {
        return views(records.findByOrganisationIdOrderByDueAtAsc(organisationId));
    }

    public List<RequestView> ofTerritory(String territoryId) {
        return views(records.findByTerritoryIdOrderByDueAtAsc(territoryId));
    }

    /** Every request not closed yet, in every territory (for the reminders). */
    public List<RequestView> open() {
        var notClosed = List.of(RequestStatus.NEW, RequestStatus.IN_PROGRESS, RequestStatus.CONTACTED);
        return views(records.findByStatusInAndDueAtBefore(notClosed, FAR_FUTURE));
    }

    /** Adds a follow-up; a first follow-up moves a new request to "in progress", one that reached the young person to "contacted". */
    public void recordFollowUp(String requestId, String author, Instant at, FollowUpMeans means, String comment,
                               Outcome outcome) {
        FollowUp followUp = new FollowUp(author, at, means, comment);
        change(requestId, request -> followUp(request, followUp, outcome));
    }

    /**
     * Adds a follow-up and closes the request with its outcome, in one change: the young person is
     * told the closing, not first a taking in hand and then a closing.
     */
    public void recordFollowUpAndClose(String requestId, String author, Instant at, FollowUpMeans means,
                                       String comment, Outcome outcome, Instant closedAt) {
        FollowUp followUp = new FollowUp(author, at, means, comment);
        change(requestId, request -> {
            followUp(request, followUp, outcome);
            request.close(outcome, comment, closedAt);
        });
    }

    private static void followUp(ContactRequest request, FollowUp followUp, Outcome outcome) {
        boolean reached = outcome != null && outcome.reached();
        if (reached && request.getStatus() == RequestStatus.IN_PROGRESS) {
            request.markContacted(followUp);
        } else {
            request.addFollowUp(followUp);
        }
    }

    /** "Je l'ai contacté": the young person was reached (see {@link ContactRequest#confirmContacted}). */
    public void confirmContacted(String requestId, String author, Instant at, String comment) {
        change(requestId, request -> request.confirmContacted(new FollowUp(author, at, FollowUpMeans.OTHER, comment)));
    }

    /** Closes the request with its outcome. */
    public void close(String requestId, String author, Instant at, Outcome outcome, String comment) {
        change(requestId, request -> request.close(outcome, comment, at));
    }

    /** The promised delay passed with nobody taking the request in hand (see {@link ContactRequest#expire}). */
    public void expire(String requestId, Instant at) {
        change(requestId, request -> request.expire(at));
    }

    /** Applies a change to the latest version; a concurrent edit makes it start again from a fresh copy. */
    private void change(String requestId, Consumer<ContactRequest> change) {
        for (int attempt = 1; ; attempt++) {
            ContactRequest request = records.findById(requestId)
                    .orElseThrow(() -> new IllegalArgumentException("no request " + requestId));
            change.accept(request);
            try {
                records.save(request);
                if (request.isNewsPending()) {
                    events.publishEvent(new NewsDue(requestId));
                }
                return;
            } catch (OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private List<RequestView> views(List<ContactRequest> requests) {
        if (requests.isEmpty()) {
            return List.of();
        }
        Map<String, Offer> offerById = byId(offers.findAllById(ids(requests, ContactRequest::getOfferId)), Offer::getId);
        Map<String, Organisation> orgById = byId(organisations.findAllById(ids(requests, ContactRequest::getOrganisationId)),
                Organisation::getId);
        return requests.stream().map(r -> view(r, offerById.get(r.getOfferId()), orgById.get(r.getOrganisationId()))).toList();
    }

    private static RequestView view(ContactRequest r, Offer offer, Organisation organisation) {
        List<FollowUp> followUps = r.getFollowUps().stream().sorted(Comparator.comparing(FollowUp::at)).toList();
        Instant firstContact = followUps.isEmpty() ? null : followUps.getFirst().at();
        int delayDays = (int) Duration.between(r.getCreatedAt(), r.getDueAt()).toDays();
        return new RequestView(r.getId(), r.getOfferId(), offer != null ? offer.getTitle() : r.getOfferId(),
                r.getOrganisationId(), organisation != null ? organisation.getName() : r.getOrganisationId(),
                r.getTerritoryId(), r.getTheme(), r.getAge(), r.getCommuneName(), r.getAnswers(), r.getContactMethod(),
                r.getContactAddress(), r.getCreatedAt(), r.getDueAt(), delayDays,
                r.getStatus(), r.getOutcome(), firstContact, followUps, r.isUrgent());
    }

    private static List<String> ids(Collection<ContactRequest> requests, Function<ContactRequest, String> id) {
        return requests.stream().map(id).filter(java.util.Objects::nonNull).distinct().toList();
    }

    private static <T> Map<String, T> byId(Iterable<T> items, Function<T, String> id) {
        var map = new java.util.HashMap<String, T>();
        items.forEach(item -> map.put(id.apply(item), item));
        return map;
    }
}
