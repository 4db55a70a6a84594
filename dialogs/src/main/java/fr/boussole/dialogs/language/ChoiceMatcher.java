package fr.boussole.dialogs.language;

import fr.boussole.core.message.Choice;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Which of the offered choices a text means, in this order: the choice's id (a button press), the whole label,
 * the choice's number in the list ("2", "le 2", "deuxième"), then the words of the text that are close to words
 * of one label only (typos, accents, plural, a distinctive word). Empty when two choices are as likely, or when
 * nothing is close: better to ask again than to pick for the young person.
 */
final class ChoiceMatcher {

    /** Words that say which one without meaning anything ("le 2", "je prends le numéro 3"). */
    private static final Set<String> POINTERS = Set.of("le", "la", "l", "numero", "num", "n", "no", "choix", "reponse",
            "option", "je", "j", "prends", "prend", "veux", "voudrais", "choisis", "c", "est", "ca", "celui", "celle",
            "plutot", "alors", "euh", "bah", "ben", "svp", "s", "il", "te", "vous", "plait", "merci", "?");
    /** Words too common to tell labels apart. */
    private static final Set<String> STOP_WORDS = Set.of("le", "la", "les", "l", "un", "une", "des", "de", "du", "d",
            "en", "et", "a", "au", "aux", "pour", "sur", "dans", "avec", "ou", "je", "j", "mon", "ma", "mes", "me", "m",
            "ce", "c", "est", "suis", "que", "qui", "y", "se", "s", "mais", "plus", "tres", "?");
    private static final Map<String, Integer> ORDINALS = Map.ofEntries(
            Map.entry("premier", 1), Map.entry("premiere", 1), Map.entry("1er", 1), Map.entry("1ere", 1),
            Map.entry("1re", 1), Map.entry("second", 2), Map.entry("seconde", 2), Map.entry("deuxieme", 2),
            Map.entry("troisieme", 3), Map.entry("quatrieme", 4), Map.entry("cinquieme", 5), Map.entry("sixieme", 6),
            Map.entry("septieme", 7), Map.entry("huitieme", 8), Map.entry("neuvieme", 9), Map.entry("dixieme", 10));

    private final FrenchNormaliser normaliser;

    ChoiceMatcher(FrenchNormaliser normaliser) {
        this.normaliser = normaliser;
    }

    Optional<Choice> match(String text, List<Choice> choices) {
        if (text == null || text.isBlank() || choices == null || choices.isEmpty()) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        for (Choice choice : choices) {
            if (choice.id().equals(trimmed)) {
                return Optional.of(choice);
            }
        }
        List<String> tokens = normaliser.tokens(text);
        if (tokens.isEmpty()) {
            return Optional.empty();
        }
        List<List<String>> labels = choices.stream().map(c -> normaliser.tokens(c.label())).toList();
        Optional<Choice> byLabel = single(choices, i -> labels.get(i).equals(tokens));
        if (byLabel.isPresent()) {
            return byLabel;
        }
        OptionalInt position = position(tokens);
        if (position.isPresent()) {
            int index = position.getAsInt() - 1;
            return index >= 0 && index < choices.size() ? Optional.of(choices.get(index)) : Optional.empty();
        }
        return byWords(tokens, labels, choices);
    }

    /** The number of a choice, when the text is only that ("2", "le 2", "deuxième", "numéro deux", "2e"). */
    private static OptionalInt position(List<String> tokens) {
        List<String> rest = tokens.stream().filter(t -> !POINTERS.contains(t)).toList();
        if (rest.isEmpty()) {
            return OptionalInt.empty();
        }
        if (rest.size() == 1) {
            String token = rest.getFirst();
            Integer ordinal = ORDINALS.get(token);
            if (ordinal != null) {
                return OptionalInt.of(ordinal);
            }
            String digits = token.replaceAll("(?:er|re|ere|e|eme|ieme|em|nd|nde)$", "");
            if (!digits.equals(token) && FrenchNumbers.isDigits(digits) && digits.length() <= 2) {
                return OptionalInt.of(Integer.parseInt(digits));
            }
        }
        return FrenchNumbers.whole(rest);
    }

    private static Optional<Choice> byWords(List<String> tokens, List<List<String>> labels, List<Choice> choices) {
        List<Set<String>> labelWords = new ArrayList<>();
        for (List<String> label : labels) {
            Set<String> words = new HashSet<>();
            for (String word : label) {
                if (!STOP_WORDS.contains(word)) {
                    words.add(stem(word));
                }
            }
            labelWords.add(words);
        }
        int[] scores = new int[choices.size()];
        for (String token : new HashSet<>(tokens)) {
            if (STOP_WORDS.contains(token) || token.length() < 2) {
                continue;
            }
            String word = stem(token);
            List<Integer> matched = new ArrayList<>();
            for (int i = 0; i < labelWords.size(); i++) {
                if (closeToAny(word, labelWords.get(i))) {
                    matched.add(i);
                }
            }
            if (matched.size() == 1) {
                scores[matched.getFirst()]++;
            }
        }
        int best = -1;
        boolean tie = false;
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] > 0 && (best < 0 || scores[i] > scores[best])) {
                best = i;
                tie = false;
            } else if (best >= 0 && scores[i] == scores[best]) {
                tie = true;
            }
        }
        return best < 0 || tie ? Optional.empty() : Optional.of(choices.get(best));
    }

    private static boolean closeToAny(String word, Set<String> labelWords) {
        for (String labelWord : labelWords) {
            if (word.equals(labelWord)) {
                return true;
            }
            if (word.length() >= 4 && labelWord.length() >= 4) {
                int allowed = word.length() >= 8 ? 2 : word.length() >= 5 ? 1 : 0;
                if (allowed > 0 && Typos.distance(word, labelWord, allowed) <= allowed) {
                    return true;
                }
                // the start of a long word ("form" for "formation", "inter" for "internationale")
                if (word.length() >= 4 && labelWord.length() >= 7 && labelWord.startsWith(word)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Singular of a plural in s or x, enough to compare "logements" and "logement". */
    private static String stem(String word) {
        return word.length() > 3 && (word.endsWith("s") || word.endsWith("x")) ? word.substring(0, word.length() - 1) : word;
    }

    private static Optional<Choice> single(List<Choice> choices, java.util.function.IntPredicate test) {
        Choice found = null;
        for (int i = 0; i < choices.size(); i++) {
            if (test.test(i)) {
                if (found != null) {
                    return Optional.empty();
                }
                found = choices.get(i);
            }
        }
        return Optional.ofNullable(found);
    }
}
