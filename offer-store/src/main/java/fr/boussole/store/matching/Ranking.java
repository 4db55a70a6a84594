package fr.boussole.store.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
 * A young person without a driving licence (the answer {@code permis-b = non}) sees the nearest
 * offers first, whoever runs them: the round robin is skipped, so the order is by scope alone (the
 * offer's own communes, then the territory, the department...). Scope is how near an offer is here:
 * the store knows which area an offer serves, not the coordinates of its communes.
 * Done on primitive keys (one sort of longs, then a stable bucket pass by round) because it runs
 * on every search, over possibly hundreds of offers.
 */
final class Ranking {

    /** Low bits of a key hold the offer's position in the input. */
    private static final int POSITION_BITS = 20;
    private static final long POSITION_MASK = (1L << POSITION_BITS) - 1;
    /** Then the tie-break hash, under the 3 bits of the scope level. */
    private static final int TIE_BITS = 63 - 3 - POSITION_BITS;

    private Ranking() {}

    /** Nearest first rather than one offer of each organisation in turn: for someone who cannot drive. */
    static boolean nearestFirst(fr.boussole.core.offer.MatchQuery query) {
        return query.answers().getOrDefault("permis-b", java.util.Set.of()).contains("non");
    }

    static List<IndexedOffer> rank(List<IndexedOffer> matched, String seed, int organisations) {
        return rank(matched, seed, organisations, false);
    }

    static List<IndexedOffer> rank(List<IndexedOffer> matched, String seed, int organisations, boolean nearestFirst) {
        int n = matched.size();
        if (n > POSITION_MASK) {
            throw new IllegalArgumentException("too many offers to rank: " + n);
        }
        long seedHash = mix(seed == null ? 0 : seed.hashCode());
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            IndexedOffer offer = matched.get(i);
            long tie = mix(offer.idHash() ^ seedHash) >>> (64 - TIE_BITS);
            keys[i] = ((long) offer.level().ordinal() << (TIE_BITS + POSITION_BITS)) | (tie << POSITION_BITS) | i;
        }
        Arrays.sort(keys);
        if (nearestFirst) {
            List<IndexedOffer> nearest = new ArrayList<>(n);
            for (long key : keys) {
                nearest.add(matched.get((int) (key & POSITION_MASK)));
            }
            return nearest;
        }
        // The round of each offer: how many offers of its organisation come before it, nearest first.
        int[] seen = new int[organisations];
        int[] round = new int[n];
        int rounds = 0;
        for (int k = 0; k < n; k++) {
            IndexedOffer offer = matched.get((int) (keys[k] & POSITION_MASK));
            round[k] = seen[offer.organisationIndex()]++;
            rounds = Math.max(rounds, round[k] + 1);
        }
        // Stable bucket pass by round keeps the nearest-first order inside each round.
        int[] start = new int[rounds + 1];
        for (int k = 0; k < n; k++) {
            start[round[k] + 1]++;
        }
        for (int r = 0; r < rounds; r++) {
            start[r + 1] += start[r];
        }
        IndexedOffer[] ordered = new IndexedOffer[n];
        for (int k = 0; k < n; k++) {
            ordered[start[round[k]]++] = matched.get((int) (keys[k] & POSITION_MASK));
        }
        return new ArrayList<>(Arrays.asList(ordered));
    }

    /** A 64-bit finaliser (SplitMix64): spreads close inputs far apart. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
