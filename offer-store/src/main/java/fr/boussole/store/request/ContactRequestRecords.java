package fr.boussole.store.request;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

/**
 * The stored contact requests (named so to leave {@code ContactRequests} to the bot-core port that
 * {@link MongoContactRequests} implements).
 */
public interface ContactRequestRecords extends MongoRepository<ContactRequest, String> {

    List<ContactRequest> findByOrganisationIdOrderByDueAtAsc(String organisationId);

    List<ContactRequest> findByOrganisationIdAndStatusInOrderByDueAtAsc(String organisationId,
                                                                        Collection<RequestStatus> statuses);

    List<ContactRequest> findByTerritoryIdOrderByDueAtAsc(String territoryId);

    List<ContactRequest> findByStatusInAndDueAtBefore(Collection<RequestStatus> statuses, Instant dueAt);

    List<ContactRequest> findByStatusNotAndAnonymisedFalseAndDueAtBefore(RequestStatus status, Instant dueAt,
                                                                        org.springframework.data.domain.Pageable page);

    List<ContactRequest> findByStatusAndAnonymisedFalseAndClosedAtBefore(RequestStatus status, Instant closedAt,
                                                                         Pageable page);

    /** The requests with news owed to the young person and not handed over yet. */
    List<ContactRequest> findByNewsPendingTrue();

    /** New requests that fell due in a window (to tell their young person the delay passed). */
    List<ContactRequest> findByStatusAndDueAtBetween(RequestStatus status, Instant from, Instant to);

    /** By {@code PersonalData.lookupKey(channel, address)} of the conversation (its address is sealed). */
    List<ContactRequest> findByConversationLookup(String conversationLookup);

    /** By {@code PersonalData.lookupKey(phoneOrEmail)} of the contact address (which is sealed). */
    List<ContactRequest> findByContactLookup(String contactLookup);
}
