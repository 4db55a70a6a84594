package fr.boussole.dialogs.commune;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The comparable form of a commune name: lower case, no accents, no separators, "st" written "saint" and
 * the leading article dropped, so that "St Cere", "saint-céré" and "SAINT CERE" share one key, and
 * "Vigan" finds "Le Vigan".
 */
final class CommuneNames {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** Folded form of every character up to Latin Extended-B, computed once: folding 35,000 names stays cheap. */
    private static final String[] FOLDED = new String[0x250];

    static {
        for (char c = 0; c < FOLDED.length; c++) {
            FOLDED[c] = MARKS.matcher(Normalizer.normalize(String.valueOf(c).toLowerCase(Locale.ROOT),
                    Normalizer.Form.NFD)).replaceAll("").replace("œ", "oe").replace("æ", "ae");
        }
    }
    private static final Set<String> ARTICLES = Set.of("le", "la", "les", "l");

    private CommuneNames() {
    }

    /** The words of a name, normalised, article kept. */
    static List<String> words(String name) {
        String folded = fold(name);
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                word.append(c);
            } else if (!word.isEmpty()) {
                words.add(expand(word.toString()));
                word.setLength(0);
            }
        }
        if (!word.isEmpty()) {
            words.add(expand(word.toString()));
        }
        return words;
    }

    private static String fold(String name) {
        StringBuilder folded = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < FOLDED.length) {
                folded.append(FOLDED[c]);
            } else {
                folded.append(MARKS.matcher(Normalizer.normalize(String.valueOf(c).toLowerCase(Locale.ROOT),
                        Normalizer.Form.NFD)).replaceAll(""));
            }
        }
        return folded.toString();
    }

    /** The key compared: words without the leading article, joined with nothing. */
    static String key(List<String> words) {
        int from = words.size() > 1 && ARTICLES.contains(words.getFirst()) ? 1 : 0;
        return String.join("", words.subList(from, words.size()));
    }

    /** The words without the leading article, joined with single spaces: for word prefixes. */
    static String spaced(List<String> words) {
        int from = words.size() > 1 && ARTICLES.contains(words.getFirst()) ? 1 : 0;
        return String.join(" ", words.subList(from, words.size()));
    }

    /** Commune names hold no digit: a key with one is not worth a fuzzy search. */
    static boolean isLetters(String key) {
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) < 'a' || key.charAt(i) > 'z') {
                return false;
            }
        }
        return true;
    }

    static String key(String name) {
        return key(words(name));
    }

    private static String expand(String word) {
        return switch (word) {
            case "st" -> "saint";
            case "ste" -> "sainte";
            case "sts" -> "saints";
            case "stes" -> "saintes";
            default -> word;
        };
    }
}
