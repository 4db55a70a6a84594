package fr.boussole.dialogs.language;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Many phrases looked for in one message at once. Each phrase is tried only where a match may start: at a token
 * that is one of its exact first words, or that starts with the first letter of a first word that tolerates typos
 * or is a prefix. A message is read against hundreds of phrases; most of them are not tried at most of its words.
 */
final class PhraseSet {

    /** Where a phrase was found first: its index in the set, and the tokens [start, end). */
    record Found(int phrase, int start, int end) {
    }

    private final List<Phrase> phrases;
    private final Map<String, List<Integer>> byFirstWord = new HashMap<>();
    private final Map<Character, List<Integer>> byFirstLetter = new HashMap<>();
    private final List<Integer> anywhere = new ArrayList<>();

    PhraseSet(List<Phrase> phrases) {
        this.phrases = List.copyOf(phrases);
        for (int i = 0; i < this.phrases.size(); i++) {
            Phrase phrase = this.phrases.get(i);
            var exact = phrase.exactStarts();
            var letters = phrase.firstLetters();
            if (exact != null) {
                for (String word : exact) {
                    byFirstWord.computeIfAbsent(word, w -> new ArrayList<>()).add(i);
                }
            } else if (letters != null) {
                for (char letter : letters) {
                    byFirstLetter.computeIfAbsent(letter, l -> new ArrayList<>()).add(i);
                }
            } else {
                anywhere.add(i);
            }
        }
    }

    List<Phrase> phrases() {
        return phrases;
    }

    /** For each phrase found in the tokens, its first match (lowest start, then the phrase's order). */
    List<Found> find(List<String> tokens) {
        Found[] first = new Found[phrases.size()];
        int found = 0;
        for (int start = 0; start < tokens.size() && found < phrases.size(); start++) {
            String token = tokens.get(start);
            if (token.isEmpty() || token.charAt(0) == Phrase.MASK) {
                continue;
            }
            found += tryAll(byFirstWord.getOrDefault(token, List.of()), tokens, start, first);
            found += tryAll(byFirstLetter.getOrDefault(token.charAt(0), List.of()), tokens, start, first);
            found += tryAll(anywhere, tokens, start, first);
        }
        List<Found> all = new ArrayList<>(found);
        for (Found f : first) {
            if (f != null) {
                all.add(f);
            }
        }
        return all;
    }

    private int tryAll(List<Integer> candidates, List<String> tokens, int start, Found[] first) {
        int found = 0;
        for (int index : candidates) {
            if (first[index] != null) {
                continue;
            }
            int end = phrases.get(index).matchAt(tokens, start);
            if (end >= 0) {
                first[index] = new Found(index, start, end);
                found++;
            }
        }
        return found;
    }
}
