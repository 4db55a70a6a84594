package fr.boussole.dialogs.commune;

import java.util.Arrays;

/** Names sorted word by word, to find those starting with whole typed words ("Vigan" → "Vigan en Quercy"). */
final class WordPrefixes {

    /** Past this many names a prefix is too vague to offer anything ("Saint"). */
    private static final int MAX_MATCHES = 200;
    /** Sorts before the space, so "name\u0001index" keeps the order of the names and "name " prefixes still match. */
    private static final char INDEX_MARK = '\u0001';

    private final String[] sorted;

    WordPrefixes(String[] spacedNames) {
        sorted = new String[spacedNames.length];
        for (int i = 0; i < spacedNames.length; i++) {
            sorted[i] = spacedNames[i] + INDEX_MARK + i;
        }
        Arrays.sort(sorted);
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
        int[] indexes = new int[to - from];
        for (int i = from; i < to; i++) {
            indexes[i - from] = Integer.parseInt(sorted[i], sorted[i].lastIndexOf(INDEX_MARK) + 1, sorted[i].length(), 10);
        }
        return indexes;
    }
}
