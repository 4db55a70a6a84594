package fr.boussole.store.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order of the results:
 * <ol>
 *   <li>no organisation floods the list: each organisation's best offer comes before anyone's
 *       second one (round robin);</li>
 *   <li>within a round, the most specific and nearest first: the offer's own communes, then the
 *       territory, the department, the region, the whole country;</li>
 *   <li>ties are broken by a hash of the offer id and the conversation's seed: different
 *       conversations see different orders, one conversation always the same one.</li>
 * </ol>
 */
final class Ranking {

    private static final Comparator<Ranked> NEAREST = Comparator.comparingInt((Ranked r) -> r.offer.level().ordinal())
            .thenComparingLong(r -> r.tieBreak)
            .thenComparing(r -> r.offer.id());

    private Ranking() {}

    static List<IndexedOffer> rank(List<IndexedOffer> matched, String seed) {
        long seedHash = mix(seed == null ? 0 : seed.hashCode());
        List<Ranked> ranked = new ArrayList<>(matched.size());
        for (IndexedOffer offer : matched) {
            ranked.add(new Ranked(offer, mix(offer.idHash() ^ seedHash)));
        }
        ranked.sort(NEAREST);
        Map<String, Integer> seen = new HashMap<>();
        for (Ranked r : ranked) {
            r.round = seen.merge(r.offer.organisationId(), 1, Integer::sum);
        }
        // List.sort is stable: within a round the nearest order above is kept.
        ranked.sort(Comparator.comparingInt(r -> r.round));
        List<IndexedOffer> result = new ArrayList<>(ranked.size());
        for (Ranked r : ranked) {
            result.add(r.offer);
        }
        return result;
    }

    /** A 64-bit finaliser (SplitMix64): spreads close inputs far apart. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static final class Ranked {
        final IndexedOffer offer;
        final long tieBreak;
        int round;

        Ranked(IndexedOffer offer, long tieBreak) {
            this.offer = offer;
            this.tieBreak = tieBreak;
        }
    }
}
