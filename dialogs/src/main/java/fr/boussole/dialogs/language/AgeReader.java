package fr.boussole.dialogs.language;

import fr.boussole.core.language.AgeMention;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * An age in a message, only from numbers: digits, number words or keycap emoji (made digits by the tokenizer), or a
 * birth year. Never from "un"/"une" ("une mission locale"), and not from a number that counts something else:
 * "j'ai 2 enfants", "depuis 2 ans", "il y a 3 ans", "mon frère a 12 ans", "un enfant de 3 ans".
 * <ul>
 *   <li>a message that is only a number from 10 to 99, in digits or words (with "ans" or not): that age;</li>
 *   <li>N "ans" (or "an") anywhere, unless a word just before says it is a duration or someone else's age;</li>
 *   <li>"j'ai N" when nothing follows N but the end, "ans", or the start of another clause;</li>
 *   <li>a year from 1950 to 2030 alone, or a few words after "né(e)", "naissance": a birth year.</li>
 * </ul>
 */
final class AgeReader {

    private static final Set<String> YEARS = Set.of("ans", "an", "ams", "ant");
    /** Words just before "N ans" that make it a duration, or the age of someone or something else. */
    private static final Set<String> NOT_MINE = Set.of("depuis", "pendant", "fait", "y", "dans", "de", "d", "a", "ont",
            "avait", "avaient", "apres", "avant", "tous", "toutes", "les", "mes", "ses", "tes", "nos", "plus", "moins",
            "pour", "sur", "il", "elle", "entre", "des", "environ", "presque", "ca", "cela", "va", "aura", "vont",
            "lui", "fils", "fille", "frere", "soeur", "enfant", "enfants", "bebe");
    /** Words that may follow "j'ai N": the number is then an age ("j'ai 19 et je cherche…"). */
    private static final Set<String> AFTER_AGE = Set.of("et", "je", "j", "mais", "bientot", "moi", "donc", "ou",
            "habite", "jhabite", "suis", "cherche", "voudrais", "veux", "?");
    private static final Set<String> HAVE = Set.of("ai", "aurai", "avoir");
    private static final Set<String> BORN = Set.of("ne", "nee", "naissance");
    private static final int MIN_YEAR = 1950;
    private static final int MAX_YEAR = 2030;

    private AgeReader() {
    }

    static Optional<AgeMention> in(List<String> tokens) {
        if (tokens.isEmpty()) {
            return Optional.empty();
        }
        Optional<AgeMention> whole = whole(tokens);
        if (whole.isPresent()) {
            return whole;
        }
        for (int i = 0; i < tokens.size(); i++) {
            int[] number = numberAt(tokens, i);
            if (number == null) {
                continue;
            }
            int value = number[0];
            int end = number[1];
            String before = i > 0 ? tokens.get(i - 1) : "";
            String after = end < tokens.size() ? tokens.get(end) : "";
            if (YEARS.contains(after) && value >= 1 && value <= 120 && !NOT_MINE.contains(before)) {
                return Optional.of(new AgeMention.Years(value));
            }
            if (HAVE.contains(before) && value >= 10 && value <= 99
                    && (after.isEmpty() || AFTER_AGE.contains(after))) {
                return Optional.of(new AgeMention.Years(value));
            }
            if (isYear(tokens.get(i)) && BORN.contains(before)) {
                return Optional.of(new AgeMention.BirthYear(value));
            }
            // "né le 12 03 2007": the year comes a few words after "né"
            if (isYear(tokens.get(i)) && bornBefore(tokens, i)) {
                return Optional.of(new AgeMention.BirthYear(value));
            }
            i = end - 1;
        }
        return Optional.empty();
    }

    /** A message that is only an age: "19", "dix-neuf", "19 ans", "2006", "18 ans et demi". */
    private static Optional<AgeMention> whole(List<String> tokens) {
        int size = tokens.size();
        List<String> core = tokens;
        if (size >= 3 && tokens.get(size - 2).equals("et") && tokens.get(size - 1).equals("demi")) {
            core = tokens.subList(0, size - 2);
        }
        if (core.size() >= 2 && YEARS.contains(core.getLast())) {
            core = core.subList(0, core.size() - 1);
        }
        if (core.size() == 1 && isYear(core.getFirst()) && core == tokens) {
            return Optional.of(new AgeMention.BirthYear(Integer.parseInt(core.getFirst())));
        }
        OptionalInt number = FrenchNumbers.whole(core);
        if (number.isEmpty() || isOne(core)) {
            return Optional.empty();
        }
        int value = number.getAsInt();
        boolean withYears = core != tokens;
        return (value >= 10 && value <= 99) || (withYears && value >= 1 && value <= 120)
                ? Optional.of(new AgeMention.Years(value)) : Optional.empty();
    }

    /** The number starting at token i and the index after it, or null: digits (at most 3) or a run of number words. */
    private static int[] numberAt(List<String> tokens, int i) {
        String token = tokens.get(i);
        if (FrenchNumbers.isDigits(token)) {
            return token.length() <= 3 || isYear(token) ? new int[] {Integer.parseInt(token), i + 1} : null;
        }
        for (int end = Math.min(tokens.size(), i + 5); end > i; end--) {
            List<String> run = tokens.subList(i, end);
            OptionalInt value = FrenchNumbers.whole(run);
            if (value.isPresent() && !isOne(run)) {
                return new int[] {value.getAsInt(), end};
            }
        }
        return null;
    }

    private static boolean isOne(List<String> run) {
        return run.size() == 1 && (run.getFirst().equals("un") || run.getFirst().equals("une"));
    }

    private static boolean isYear(String token) {
        if (token.length() != 4 || !FrenchNumbers.isDigits(token)) {
            return false;
        }
        int year = Integer.parseInt(token);
        return year >= MIN_YEAR && year <= MAX_YEAR;
    }

    private static boolean bornBefore(List<String> tokens, int i) {
        for (int j = Math.max(0, i - 5); j < i; j++) {
            if (tokens.get(j).equals("ne") || tokens.get(j).equals("nee")) {
                return true;
            }
        }
        return false;
    }
}
