package fr.boussole.store.request;

import fr.boussole.core.conversation.ConsentRecord;
import fr.boussole.core.conversation.ContactRequestDraft;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.offer.ContactRequests;
import fr.boussole.store.offer.Offer;
import fr.boussole.store.offer.Offers;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Records contact requests under the id the pipeline gives. A replay (after a crash, or the same
 * message delivered twice) finds the first record, by reading first and, if two replays race, by
 * the unique {@code _id}: the insert that loses gets a duplicate key and returns the winner's record.
 */
@Component
public class MongoContactRequests implements ContactRequests {

    private final ContactRequestRecords records;
    private final Offers offers;
    private final MongoTemplate mongo;

    MongoContactRequests(ContactRequestRecords records, Offers offers, MongoTemplate mongo) {
        this.records = records;
        this.offers = offers;
        this.mongo = mongo;
    }

    @Override
    public Recorded record(String requestId, ContactRequestDraft draft) {
        var existing = records.findById(requestId);
        if (existing.isPresent()) {
            return recorded(existing.get());
        }
        // An offer archived since it was shown still takes the request: the young person saw it.
        Offer offer = offers.findById(draft.offerId())
                .orElseThrow(() -> new IllegalArgumentException("no offer " + draft.offerId()));
        ContactRequest request = ContactRequest.open(requestId, draft, offer.getOrganisationId(),
                offer.getContactDelayDays());
        try {
            return recorded(mongo.insert(request));
        } catch (DuplicateKeyException raced) {
            return recorded(records.findById(requestId).orElseThrow(() -> raced));
        }
    }

    @Override
    public Optional<Recorded> recordAnother(String requestId, String previousRequestId, String offerId,
                                            ConsentRecord consent) {
        var existing = records.findById(requestId);
        if (existing.isPresent()) {
            return Optional.of(recorded(existing.get()));
        }
        Optional<ContactRequest> previous = records.findById(previousRequestId)
                .filter(p -> !p.isAnonymised() && p.getContactAddress() != null && p.getConversationAddress() != null);
        Optional<Offer> offer = offers.findById(offerId);
        if (previous.isEmpty() || offer.isEmpty()) {
            return Optional.empty();
        }
        ContactRequest before = previous.get();
        ContactRequestDraft draft = new ContactRequestDraft(
                new ConversationKey(before.getChannel(), before.getConversationAddress()), offerId,
                before.getTerritoryId(), before.getTheme(), before.getQuestionnaireId(),
                before.getQuestionnaireVersion(), before.getAge(), before.getCommuneInsee(), before.getCommuneName(),
                before.getAnswers(), before.getContactMethod(), before.getContactAddress(), consent,
                consent.acceptedAt());
        ContactRequest request = ContactRequest.open(requestId, draft, offer.get().getOrganisationId(),
                offer.get().getContactDelayDays()).after(previousRequestId);
        try {
            return Optional.of(recorded(mongo.insert(request)));
        } catch (DuplicateKeyException raced) {
            return records.findById(requestId).map(MongoContactRequests::recorded);
        }
    }

    private static Recorded recorded(ContactRequest request) {
        return new Recorded(request.getId(), request.getOfferId(), request.getOrganisationId(), request.getCreatedAt(),
                request.getDueAt());
    }
}
