package fr.boussole.store.matching;

import fr.boussole.core.offer.OfferSummary;
import fr.boussole.store.organisation.ScopeLevel;

/**
 * An active offer as the index keeps it: flat, immutable, with what matching and ranking read.
 * {@code organisationIndex} numbers the organisations densely from 0, for the ranking's counters.
 * Dates are epoch days ({@link Long#MIN_VALUE}/{@link Long#MAX_VALUE} when open-ended).
 */
record IndexedOffer(String id, String organisationId, int organisationIndex, ScopeLevel level, long validFrom, long validUntil,
                    int ageMin, int ageMax, IndexedCriterion[] criteria, long idHash, OfferSummary summary) {

    /** A criterion ready to test: the question and the accepted value ids. */
    record IndexedCriterion(String questionId, String[] accepted) {}
}
