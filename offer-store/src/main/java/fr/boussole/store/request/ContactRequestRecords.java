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

    List<ContactRequest> findByStatusAndAnonymisedFalseAndClosedAtBefore(RequestStatus status, Instant closedAt,
                                                                         Pageable page);

    List<ContactRequest> findByChannelAndConversationAddress(fr.boussole.core.message.Channel channel,
                                                             String conversationAddress);
}
