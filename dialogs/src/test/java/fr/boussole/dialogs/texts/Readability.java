package fr.boussole.dialogs.texts;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The Kandel–Moles readability score of a French text (1958, the French adaptation of Flesch's
 * reading ease), with the coefficients this project uses:
 * <pre>207 − 1.015 × (words per sentence) − 73.6 × (syllables per word)</pre>
 * Higher is easier; above 60 reads as plain, everyday French.
 * <p>
 * How it counts, stated because implementations disagree:
 * <ul>
 *   <li>sentences end at {@code . ! ? : ;} and at a line break; a text without any counts as one;</li>
 *   <li>words are runs of letters, digits, apostrophes and hyphens ({@code l'emploi} and {@code 15-30}
 *       are one word each); placeholders are filled before scoring;</li>
 *   <li>syllables are groups of vowels ({@code a e i o u y} with their accents, {@code œ æ}), less a
 *       silent final {@code e} or {@code es} after a consonant in a word of two groups or more; a word
 *       has at least one; a number counts one syllable per digit (read aloud, "0 800" is long).</li>
 * </ul>
 */
final class Readability {

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?:;\\n]+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}'’\\-]*[\\p{L}\\p{N}]");
    private static final String VOWELS = "aeiouy";

    private Readability() {}

    static double score(String text) {
        List<List<String>> sentences = sentences(text);
        int words = sentences.stream().mapToInt(List::size).sum();
        if (words == 0) {
            return 207;
        }
        int syllables = sentences.stream().flatMap(List::stream).mapToInt(Readability::syllables).sum();
        return 207 - 1.015 * ((double) words / sentences.size()) - 73.6 * ((double) syllables / words);
    }

    /** The sentences of a text, each as its words; empty sentences dropped. */
    static List<List<String>> sentences(String text) {
        List<List<String>> sentences = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(text)) {
            List<String> words = new ArrayList<>();
            var matcher = WORD.matcher(sentence);
            while (matcher.find()) {
                words.add(matcher.group());
            }
            if (!words.isEmpty()) {
                sentences.add(words);
            }
        }
        return sentences;
    }

    static int syllables(String word) {
        String plain = Normalizer.normalize(word.toLowerCase(Locale.FRENCH), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replace("œ", "oe").replace("æ", "ae");
        if (plain.chars().allMatch(c -> Character.isDigit(c) || c == '-' || c == '\'')) {
            return (int) Math.max(1, plain.chars().filter(Character::isDigit).count());
        }
        int groups = 0;
        boolean inVowels = false;
        for (char c : plain.toCharArray()) {
            boolean vowel = VOWELS.indexOf(c) >= 0;
            if (vowel && !inVowels) {
                groups++;
            }
            inVowels = vowel;
        }
        boolean accentedFinal = word.toLowerCase(Locale.FRENCH).matches(".*[éè](s)?$");
        if (groups >= 2 && !accentedFinal && plain.matches(".*[^aeiouy](e|es)$")) {
            groups--;
        }
        return Math.max(1, groups);
    }
}
