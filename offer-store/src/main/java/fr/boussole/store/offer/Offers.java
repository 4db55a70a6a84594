package fr.boussole.store.offer;

import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

/** The offers. Save through it or through {@code OfferImport}: the matching index follows both. */
public interface Offers extends MongoRepository<Offer, String> {

    List<Offer> findByStatus(OfferStatus status);

    List<Offer> findByOrganisationId(String organisationId);

    List<Offer> findByOrganisationIdIn(java.util.Collection<String> organisationIds);

    Optional<Offer> findByRef(String ref);

    List<Offer> findByRefIn(java.util.Collection<String> refs);
}
