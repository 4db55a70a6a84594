package fr.boussole.dialogs.language;

import java.util.ArrayList;
import java.util.List;

/** Takes phrases out of a message: their words are replaced by a mark that no phrase matches. */
final class Masks {

    private static final String MASKED = String.valueOf(Phrase.MASK);

    private Masks() {
    }

    static List<String> masked(List<String> tokens, List<Phrase> phrases) {
        List<String> out = null;
        for (Phrase phrase : phrases) {
            List<String> current = out == null ? tokens : out;
            int[] span = phrase.find(current);
            while (span != null) {
                if (out == null) {
                    out = new ArrayList<>(tokens);
                }
                for (int i = span[0]; i < span[1]; i++) {
                    out.set(i, MASKED);
                }
                span = phrase.find(out);
            }
        }
        return out == null ? tokens : out;
    }
}
