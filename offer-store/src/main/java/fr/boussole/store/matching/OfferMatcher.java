package fr.boussole.store.matching;

import fr.boussole.core.offer.MatchQuery;
import fr.boussole.core.offer.OfferSummary;
import fr.boussole.store.geo.Geography;
import fr.boussole.store.offer.Offer;
import fr.boussole.store.organisation.Organisation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Matching over an immutable snapshot of the offers: the index, the {@link Eligibility} rules and
 * the {@link Ranking}. Safe to share between threads; build a new one when the offers change.
 */
public final class OfferMatcher {

    static final OfferMatcher EMPTY = new OfferMatcher(OfferIndex.EMPTY);

    private final OfferIndex index;
    private final Geography geography = Geography.france();

    private OfferMatcher(OfferIndex index) {
        this.index = index;
    }

    /** A matcher over these offers; only active offers of active organisations are kept. */
    public static OfferMatcher of(Iterable<Offer> offers, Map<String, Organisation> organisationsById) {
        return new OfferMatcher(OfferIndexBuilder.build(offers, organisationsById));
    }

    public List<OfferSummary> match(MatchQuery query) {
        List<IndexedOffer> ranked = Ranking.rank(index.candidates(query, geography), query.seed(), index.organisations(),
                Ranking.nearestFirst(query));
        List<OfferSummary> result = new ArrayList<>(ranked.size());
        for (IndexedOffer offer : ranked) {
            result.add(offer.summary());
        }
        return result;
    }

    /** The number of searchable offers. */
    public int size() {
        return index.size();
    }
}
