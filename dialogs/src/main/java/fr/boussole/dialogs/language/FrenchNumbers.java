package fr.boussole.dialogs.language;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Numbers in normal tokens: digits ("19"), or French words ("dix neuf", "vingt et un", "quatre vingt dix",
 * Belgian and Swiss "septante", "nonante"). Digits win over words, so the "un" of "un enfant de 3 ans" is not
 * read as a number; a lone "un"/"une" counts only when nothing else does.
 */
final class FrenchNumbers {

    private static final Map<String, Integer> WORDS = Map.ofEntries(
            Map.entry("zero", 0), Map.entry("un", 1), Map.entry("une", 1), Map.entry("deux", 2), Map.entry("trois", 3),
            Map.entry("quatre", 4), Map.entry("cinq", 5), Map.entry("six", 6), Map.entry("sept", 7), Map.entry("huit", 8),
            Map.entry("neuf", 9), Map.entry("dix", 10), Map.entry("onze", 11), Map.entry("douze", 12),
            Map.entry("treize", 13), Map.entry("quatorze", 14), Map.entry("quinze", 15), Map.entry("seize", 16),
            Map.entry("vingt", 20), Map.entry("vingts", 20), Map.entry("trente", 30), Map.entry("quarante", 40),
            Map.entry("cinquante", 50), Map.entry("soixante", 60), Map.entry("septante", 70), Map.entry("huitante", 80),
            Map.entry("octante", 80), Map.entry("nonante", 90), Map.entry("cent", 100), Map.entry("cents", 100),
            Map.entry("mille", 1000));
    /** Longer digit runs are phone numbers or postal codes rather than a quantity; they also overflow an int. */
    private static final int MAX_DIGITS = 9;

    private FrenchNumbers() {
    }

    static OptionalInt in(List<String> tokens) {
        for (String token : tokens) {
            if (isDigits(token) && token.length() <= MAX_DIGITS) {
                return OptionalInt.of(Integer.parseInt(token));
            }
        }
        OptionalInt loneOne = OptionalInt.empty();
        for (int i = 0; i < tokens.size(); i++) {
            if (!WORDS.containsKey(tokens.get(i))) {
                continue;
            }
            int end = endOfRun(tokens, i);
            if (end == i + 1 && (tokens.get(i).equals("un") || tokens.get(i).equals("une"))) {
                if (loneOne.isEmpty()) {
                    loneOne = OptionalInt.of(1);
                }
                continue;
            }
            return OptionalInt.of(value(tokens.subList(i, end)));
        }
        return loneOne;
    }

    /** Whether the tokens are a number and nothing else ("19", "dix neuf", "vingt et un"). */
    static OptionalInt whole(List<String> tokens) {
        if (tokens.size() == 1 && isDigits(tokens.getFirst()) && tokens.getFirst().length() <= MAX_DIGITS) {
            return OptionalInt.of(Integer.parseInt(tokens.getFirst()));
        }
        if (!tokens.isEmpty() && WORDS.containsKey(tokens.getFirst()) && endOfRun(tokens, 0) == tokens.size()) {
            return OptionalInt.of(value(tokens));
        }
        return OptionalInt.empty();
    }

    private static int endOfRun(List<String> tokens, int from) {
        int end = from + 1;
        while (end < tokens.size()) {
            String token = tokens.get(end);
            if (WORDS.containsKey(token)) {
                end++;
            } else if (token.equals("et") && end + 1 < tokens.size()
                    && (tokens.get(end + 1).equals("un") || tokens.get(end + 1).equals("une")
                    || tokens.get(end + 1).equals("onze"))) {
                end++;
            } else {
                break;
            }
        }
        return end;
    }

    private static int value(List<String> words) {
        int total = 0;
        int current = 0;
        for (String word : words) {
            Integer value = WORDS.get(word);
            if (value == null) {
                continue; // "et"
            }
            if (value == 1000) {
                total += (current == 0 ? 1 : current) * 1000;
                current = 0;
            } else if (value == 100) {
                current = (current == 0 ? 1 : current) * 100;
            } else if (value == 20 && current % 100 >= 2 && current % 100 <= 9) {
                current = current - current % 100 + current % 100 * 20; // quatre vingt(s)
            } else {
                current += value;
            }
        }
        return total + current;
    }

    static boolean isNumberWord(String token) {
        return WORDS.containsKey(token);
    }

    static boolean isDigits(String token) {
        if (token.isEmpty()) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) < '0' || token.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
