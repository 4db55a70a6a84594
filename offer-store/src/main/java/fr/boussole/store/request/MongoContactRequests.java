package fr.boussole.store.request;

import fr.boussole.core.conversation.ContactRequestDraft;
import fr.boussole.core.offer.ContactRequests;
import fr.boussole.store.offer.Offer;
import fr.boussole.store.offer.Offers;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

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

    private static Recorded recorded(ContactRequest request) {
        return new Recorded(request.getId(), request.getOfferId(), request.getOrganisationId(), request.getCreatedAt(),
                request.getDueAt());
    }
}
