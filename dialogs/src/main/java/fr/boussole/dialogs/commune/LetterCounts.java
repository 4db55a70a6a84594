package fr.boussole.dialogs.commune;

/**
 * How many of each letter a name holds, for a cheap lower bound of the edit distance: a name that lacks k of the
 * typed letters (or holds k letters more) is at least k edits away, whatever their order. It spares the full
 * comparison for most of the names that merely share a trigram with what was typed.
 */
final class LetterCounts {

    private static final int LETTERS = 26;

    private final byte[] counts;

    LetterCounts(String[] keys) {
        counts = new byte[keys.length * LETTERS];
        for (int i = 0; i < keys.length; i++) {
            count(keys[i], counts, i * LETTERS);
        }
    }

    static byte[] of(String key) {
        byte[] counts = new byte[LETTERS];
        count(key, counts, 0);
        return counts;
    }

    /** max(letters missing, letters in excess) between the typed counts and name number index. */
    int bagDistance(byte[] typed, int index) {
        int missing = 0;
        int excess = 0;
        int offset = index * LETTERS;
        for (int letter = 0; letter < LETTERS; letter++) {
            int difference = typed[letter] - counts[offset + letter];
            if (difference > 0) {
                missing += difference;
            } else {
                excess -= difference;
            }
        }
        return Math.max(missing, excess);
    }

    private static void count(String key, byte[] into, int offset) {
        for (int i = 0; i < key.length(); i++) {
            int letter = key.charAt(i) - 'a';
            if (letter >= 0 && letter < LETTERS && into[offset + letter] < Byte.MAX_VALUE) {
                into[offset + letter]++;
            }
        }
    }
}
