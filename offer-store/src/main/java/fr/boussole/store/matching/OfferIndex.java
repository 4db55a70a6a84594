package fr.boussole.store.matching;

import fr.boussole.core.offer.MatchQuery;
import fr.boussole.store.geo.Geography;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An immutable snapshot of the active offers, by theme then by area key, so that a search reads
 * only the offers that can be in scope for its commune: those of the commune itself, of its
 * territory, department and region, and the national ones.
 */
final class OfferIndex {

    static final OfferIndex EMPTY = new OfferIndex(Map.of(), 0, 0);

    private static final IndexedOffer[] NONE = new IndexedOffer[0];

    private final Map<String, Map<String, IndexedOffer[]>> byThemeAndArea;
    private final int size;
    private final int organisations;

    OfferIndex(Map<String, Map<String, IndexedOffer[]>> byThemeAndArea, int size, int organisations) {
        this.byThemeAndArea = byThemeAndArea;
        this.size = size;
        this.organisations = organisations;
    }

    /** How many organisations have offers in the index: the bound of {@link IndexedOffer#organisationIndex()}. */
    int organisations() {
        return organisations;
    }

    static String communeKey(String insee) {
        return "c:" + insee;
    }

    static String territoryKey(String territoryId) {
        return "t:" + territoryId;
    }

    static String departementKey(String departement) {
        return "d:" + departement;
    }

    static String regionKey(String region) {
        return "r:" + region;
    }

    static final String NATIONAL_KEY = "n";

    int size() {
        return size;
    }

    /** The eligible offers in scope, in no particular order. */
    List<IndexedOffer> candidates(MatchQuery query, Geography geography) {
        Map<String, IndexedOffer[]> areas = byThemeAndArea.get(query.theme());
        if (areas == null) {
            return List.of();
        }
        long today = query.today().toEpochDay();
        List<IndexedOffer> found = new ArrayList<>();
        String insee = query.communeInsee();
        String departement = Geography.departementOf(insee);
        collect(areas.getOrDefault(communeKey(insee), NONE), query, today, found);
        if (query.territoryId() != null) {
            collect(areas.getOrDefault(territoryKey(query.territoryId()), NONE), query, today, found);
        }
        if (departement != null) {
            collect(areas.getOrDefault(departementKey(departement), NONE), query, today, found);
            geography.regionOfDepartement(departement)
                    .ifPresent(region -> collect(areas.getOrDefault(regionKey(region), NONE), query, today, found));
        }
        collect(areas.getOrDefault(NATIONAL_KEY, NONE), query, today, found);
        return found;
    }

    private static void collect(IndexedOffer[] offers, MatchQuery query, long today, List<IndexedOffer> found) {
        for (IndexedOffer offer : offers) {
            if (Eligibility.accepts(offer, query, today)) {
                found.add(offer);
            }
        }
    }
}
