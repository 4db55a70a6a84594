package fr.boussole.dialogs.commune;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Names sorted word by word, to find those starting with whole typed words ("Vigan" → "Vigan en Quercy"). */
final class WordPrefixes {

    /** Past this many names a prefix is too vague to offer anything ("Saint"). */
    private static final int MAX_MATCHES = 200;

    private final String[] sorted;
    private final int[] indexes;

    WordPrefixes(String[] spacedNames) {
        Integer[] order = IntStream.range(0, spacedNames.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparing(i -> spacedNames[i]));
        sorted = new String[order.length];
        indexes = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            sorted[i] = spacedNames[order[i]];
            indexes[i] = order[i];
        }
    }

    /** Indexes of the names whose first words are the given words (followed by at least one more word). */
    int[] startingWith(String spacedWords) {
        String prefix = spacedWords + " ";
        int from = Arrays.binarySearch(sorted, prefix);
        from = from < 0 ? -from - 1 : from;
        int to = from;
        while (to < sorted.length && sorted[to].startsWith(prefix)) {
            to++;
            if (to - from > MAX_MATCHES) {
                return new int[0];
            }
        }
        return Arrays.copyOfRange(indexes, from, to);
    }
}
