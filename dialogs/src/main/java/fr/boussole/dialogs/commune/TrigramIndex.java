package fr.boussole.dialogs.commune;

import java.util.Arrays;

/**
 * Letter trigrams of every name key, so that a name typed with mistakes is compared with the few names sharing
 * enough trigrams with it instead of all 35,000. One edit changes at most four trigrams (a swap of two letters),
 * so a name within distance d of the query shares at least (trigrams of the query - 4d) of them. Names are only
 * compared with names of the same first letter (see Communes), so the postings are kept by first letter too: a
 * trigram as common as "lle" then lists a few hundred names instead of thousands.
 * <p>
 * A trigram and its first letter are coded as one int (28 symbols: a–z, start, end), and the postings are stored
 * as one array with offsets per code: no hashing, no boxing, built in a few milliseconds.
 */
final class TrigramIndex {

    private static final int SYMBOLS = 28;
    private static final int START = 26;
    private static final int END = 27;
    private static final int CODES = SYMBOLS * SYMBOLS * SYMBOLS * SYMBOLS;

    private final int[] offsets;
    private final int[] postings;
    private final int size;

    TrigramIndex(String[] keys) {
        size = keys.length;
        int[] counts = new int[CODES + 1];
        int[] last = new int[CODES];
        Arrays.fill(last, -1);
        for (int i = 0; i < keys.length; i++) {
            for (int code : codesOf(keys[i])) {
                if (last[code] != i) {
                    last[code] = i;
                    counts[code + 1]++;
                }
            }
        }
        offsets = new int[CODES + 1];
        for (int code = 0; code < CODES; code++) {
            offsets[code + 1] = offsets[code] + counts[code + 1];
        }
        postings = new int[offsets[CODES]];
        int[] next = Arrays.copyOf(offsets, CODES);
        Arrays.fill(last, -1);
        for (int i = 0; i < keys.length; i++) {
            for (int code : codesOf(keys[i])) {
                if (last[code] != i) {
                    last[code] = i;
                    postings[next[code]++] = i;
                }
            }
        }
    }

    /** Indexes of the names starting with the same letter as key that may be within maxDistance of it. */
    int[] candidates(String key, int maxDistance) {
        int[] codes = Arrays.stream(codesOf(key)).distinct().toArray();
        // the bound above is exact but weak for long names (13 trigrams, 3 mistakes: 1 needed); a quarter of the
        // trigrams is still kept by three mistakes that are not all swaps, and spares comparing thousands of names
        int needed = Math.max(1, Math.max(codes.length - 4 * maxDistance, codes.length / 4));
        short[] shared = new short[size];
        int[] found = new int[64];
        int count = 0;
        for (int code : codes) {
            for (int p = offsets[code]; p < offsets[code + 1]; p++) {
                int index = postings[p];
                if (++shared[index] == needed) {
                    if (count == found.length) {
                        found = Arrays.copyOf(found, count * 2);
                    }
                    found[count++] = index;
                }
            }
        }
        return Arrays.copyOf(found, count);
    }

    /** Codes of the trigrams of "^key$", each with the key's first letter. */
    private static int[] codesOf(String key) {
        int length = key.length() + 2;
        int[] symbols = new int[length];
        symbols[0] = START;
        for (int i = 0; i < key.length(); i++) {
            int letter = key.charAt(i) - 'a';
            symbols[i + 1] = letter >= 0 && letter < 26 ? letter : END;
        }
        symbols[length - 1] = END;
        int first = length > 2 ? symbols[1] : START;
        int[] codes = new int[Math.max(0, length - 2)];
        for (int i = 0; i + 3 <= length; i++) {
            codes[i] = ((first * SYMBOLS + symbols[i]) * SYMBOLS + symbols[i + 1]) * SYMBOLS + symbols[i + 2];
        }
        return codes;
    }
}
