package fr.boussole.core.offer;

import java.util.List;
import java.util.Optional;

/** The offers of service the bot can show. */
public interface OfferCatalog {

    /** The matching offers, best first, in an order stable for the same query and seed. */
    List<OfferSummary> match(MatchQuery query);

    Optional<OfferDetails> offer(String offerId);
}
