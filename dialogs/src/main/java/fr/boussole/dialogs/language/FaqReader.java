package fr.boussole.dialogs.language;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which question of the FAQ a message asks: the entry with the longest way of asking found in it (at equal length,
 * the first in the file).
 */
final class FaqReader {

    private record Way(String id, Phrase phrase) {
    }

    private final List<Way> ways;

    private FaqReader(List<Way> ways) {
        this.ways = ways;
    }

    static FaqReader of(Faq faq, FrenchNormaliser normaliser) {
        List<Way> ways = new ArrayList<>();
        for (Faq.Entry entry : faq.entries()) {
            for (String ask : entry.asks()) {
                ways.add(new Way(entry.id(), Phrase.compile(ask, normaliser)));
            }
        }
        return new FaqReader(ways);
    }

    List<Phrase> phrases() {
        return ways.stream().map(Way::phrase).toList();
    }

    Optional<String> in(List<String> tokens) {
        String best = null;
        int longest = 0;
        for (Way way : ways) {
            int[] at = way.phrase().find(tokens);
            if (at != null && at[1] - at[0] > longest) {
                best = way.id();
                longest = at[1] - at[0];
            }
        }
        return Optional.ofNullable(best);
    }
}
