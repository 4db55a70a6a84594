package fr.boussole.dialogs.commune;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Letter trigrams of every name key, so that a name typed with mistakes is compared with the few names sharing
 * enough trigrams with it instead of all 35,000. One edit changes at most four trigrams (a swap of two letters),
 * so a name within distance d of the query shares at least (trigrams of the query - 4d) of them. Names are only
 * compared with names of the same first letter (see Communes), so the postings are kept by first letter too: a
 * trigram as common as "lle" then lists a few hundred names instead of thousands.
 */
final class TrigramIndex {

    private final Map<String, int[]> postings;
    private final int size;

    TrigramIndex(String[] keys) {
        size = keys.length;
        Map<String, List<Integer>> lists = new HashMap<>();
        for (int i = 0; i < keys.length; i++) {
            for (String trigram : trigramsOf(keys[i])) {
                List<Integer> list = lists.computeIfAbsent(trigram, t -> new ArrayList<>());
                if (list.isEmpty() || list.getLast() != i) {
                    list.add(i);
                }
            }
        }
        postings = new HashMap<>(lists.size() * 2);
        lists.forEach((trigram, list) -> postings.put(trigram, list.stream().mapToInt(Integer::intValue).toArray()));
    }

    /** Indexes of the names starting with the same letter as key that may be within maxDistance of it. */
    int[] candidates(String key, int maxDistance) {
        java.util.Set<String> trigrams = new java.util.LinkedHashSet<>(trigramsOf(key));
        int needed = Math.max(1, trigrams.size() - 4 * maxDistance);
        short[] shared = new short[size];
        int[] found = new int[64];
        int count = 0;
        for (String trigram : trigrams) {
            int[] list = postings.get(trigram);
            if (list == null) {
                continue;
            }
            for (int index : list) {
                if (++shared[index] == needed) {
                    if (count == found.length) {
                        found = java.util.Arrays.copyOf(found, count * 2);
                    }
                    found[count++] = index;
                }
            }
        }
        return java.util.Arrays.copyOf(found, count);
    }

    /** Trigrams of the padded key, each prefixed with the key's first letter. */
    private static List<String> trigramsOf(String key) {
        String padded = "^" + key + "$";
        char first = key.isEmpty() ? '^' : key.charAt(0);
        List<String> trigrams = new ArrayList<>(padded.length());
        for (int i = 0; i + 3 <= padded.length(); i++) {
            trigrams.add(first + padded.substring(i, i + 3));
        }
        return trigrams;
    }
}
