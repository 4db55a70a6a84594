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
    private final PhraseSet phrases;

    private FaqReader(List<Way> ways) {
        this.ways = List.copyOf(ways);
        this.phrases = new PhraseSet(ways.stream().map(Way::phrase).toList());
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
        for (PhraseSet.Found f : phrases.find(tokens)) {
            if (f.end() - f.start() > longest) {
                best = ways.get(f.phrase()).id();
                longest = f.end() - f.start();
            }
        }
        return Optional.ofNullable(best);
    }
}
