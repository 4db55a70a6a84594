package fr.boussole.dialogs.language;

import java.util.ArrayList;
import java.util.List;

/**
 * A phrase of a lexicon file, written for a reader who is not a developer, matched against the normal tokens of a
 * message. The syntax, in full:
 * <ul>
 *   <li>words separated by spaces, written plainly: they are normalised like any message (case, accents, texting
 *       spellings: "j'ai", "jai" and "g" all read "j ai");</li>
 *   <li>{@code a/b/c}: any one of these words;</li>
 *   <li>{@code [a b/c d]}: any one of these groups of words ("pleure [tout le temps/tous les soirs]");</li>
 *   <li>{@code mot*}: any word starting with "mot" ({@code suicid*} reads "suicide", "suicider", "suicidaire");</li>
 *   <li>{@code #}: a number, in digits or words ("un"/"une" aside: "j'ai pris un doliprane" is no count);</li>
 *   <li>{@code ..}: up to three words of anything between ("mon .. père" reads "mon beau père", "mon propre père").</li>
 * </ul>
 * Words of six letters or more tolerate one mistake (a missing, extra, wrong or swapped letter), nine or more two:
 * "suicder", "scarifi" and "frape" still read as written.
 */
final class Phrase {

    /** Most words a gap {@code ..} skips. */
    static final int GAP = 3;

    private final String source;
    private final List<Element> elements;

    private Phrase(String source, List<Element> elements) {
        this.source = source;
        this.elements = elements;
    }

    /** One position of the phrase: a gap, or a choice among word sequences. */
    private sealed interface Element {
    }

    private record Gap() implements Element {
    }

    private record Choice(List<List<Word>> alternatives) implements Element {
    }

    private record Word(String text, boolean prefix) {

        boolean matches(String token) {
            if (token.isEmpty() || token.charAt(0) == MASK) {
                return false;
            }
            if (text.equals(NUMBER)) {
                return FrenchNumbers.isDigits(token)
                        || (FrenchNumbers.isNumberWord(token) && !token.equals("un") && !token.equals("une"));
            }
            if (prefix) {
                if (token.startsWith(text)) {
                    return true;
                }
                if (text.length() < 6 || token.length() < text.length() - 1 || token.charAt(0) != text.charAt(0)) {
                    return false;
                }
                for (int length = text.length() - 1; length <= Math.min(token.length(), text.length() + 1); length++) {
                    if (Typos.distance(token.substring(0, length), text, 1) <= 1) {
                        return true;
                    }
                }
                return false;
            }
            if (token.equals(text)) {
                return true;
            }
            int allowed = tolerance(text.length());
            return allowed > 0 && Math.abs(token.length() - text.length()) <= allowed
                    && token.charAt(0) == text.charAt(0) && Typos.distance(token, text, allowed) <= allowed;
        }
    }

    /** Written {@code #}: a number, in digits or in words, "un"/"une" aside ("j'ai pris 20 doliprane", "trois cachets"). */
    static final String NUMBER = "#";

    /** Marks a token that must not match anything (a masked phrase such as "mort de rire"). */
    static final char MASK = '\u0000';

    static int tolerance(int length) {
        return length >= 9 ? 2 : length >= 6 ? 1 : 0;
    }

    static Phrase compile(String source, FrenchNormaliser normaliser) {
        List<Element> elements = new ArrayList<>();
        for (String part : parts(source)) {
            if (part.equals("..")) {
                elements.add(new Gap());
                continue;
            }
            boolean group = part.startsWith("[");
            String body = group ? part.substring(1, part.length() - 1) : part;
            List<List<Word>> alternatives = new ArrayList<>();
            for (String alternative : body.split("/")) {
                String written = alternative.strip();
                boolean prefix = written.endsWith("*");
                String plain = prefix ? written.substring(0, written.length() - 1) : written;
                List<String> tokens = plain.strip().equals(NUMBER) ? List.of(NUMBER) : normaliser.tokens(plain);
                if (tokens.isEmpty()) {
                    throw new IllegalArgumentException("nothing to read in '" + alternative + "' of '" + source + "'");
                }
                if (!group && plain.strip().contains(" ")) {
                    throw new IllegalArgumentException("'" + written + "' of '" + source + "': write it [in brackets]");
                }
                List<Word> words = new ArrayList<>();
                for (int i = 0; i < tokens.size(); i++) {
                    words.add(new Word(tokens.get(i), prefix && i == tokens.size() - 1)); // "m'insult*": the last word
                }
                alternatives.add(words);
            }
            elements.add(new Choice(alternatives));
        }
        if (elements.isEmpty() || elements.getFirst() instanceof Gap || elements.getLast() instanceof Gap) {
            throw new IllegalArgumentException("a phrase starts and ends with words: '" + source + "'");
        }
        return new Phrase(source, List.copyOf(elements));
    }

    /** The parts of a phrase: words (with their '/' alternatives), '..' gaps, and [bracketed groups]. */
    private static List<String> parts(String source) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        String text = source.strip();
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '[') {
                int end = text.indexOf(']', i);
                if (end < 0) {
                    throw new IllegalArgumentException("a '[' is not closed in '" + source + "'");
                }
                parts.add(text.substring(i, end + 1));
                i = end + 1;
            } else {
                int end = i;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '[') {
                    end++;
                }
                parts.add(text.substring(i, end));
                i = end;
            }
        }
        return parts;
    }

    String source() {
        return source;
    }

    /**
     * What a token must be for a match to start on it: the exact words the phrase may start with, or, when one of
     * them tolerates typos, is a prefix or a number, null (any token starting with one of {@link #firstLetters()}).
     */
    java.util.Set<String> exactStarts() {
        java.util.Set<String> starts = new java.util.HashSet<>();
        for (List<Word> alternative : ((Choice) elements.getFirst()).alternatives()) {
            Word first = alternative.getFirst();
            if (first.prefix() || first.text().equals(NUMBER) || tolerance(first.text().length()) > 0) {
                return null;
            }
            starts.add(first.text());
        }
        return starts;
    }

    /** The first letters a match may start with (every word keeps its first letter, even mistyped); null: any. */
    java.util.Set<Character> firstLetters() {
        java.util.Set<Character> letters = new java.util.HashSet<>();
        for (List<Word> alternative : ((Choice) elements.getFirst()).alternatives()) {
            String text = alternative.getFirst().text();
            if (text.equals(NUMBER)) {
                return null;
            }
            letters.add(text.charAt(0));
        }
        return letters;
    }

    /** The end of a match starting at token {@code start}, or -1. */
    int matchAt(List<String> tokens, int start) {
        return matchFrom(tokens, start, 0);
    }

    /** Every word the phrase names (the start of a starred word included), for the lexicon of words never a place. */
    java.util.Set<String> words() {
        java.util.Set<String> words = new java.util.HashSet<>();
        for (Element element : elements) {
            if (element instanceof Choice choice) {
                choice.alternatives().forEach(alternative -> alternative.forEach(word -> words.add(word.text())));
            }
        }
        return words;
    }

    /** The first place where the phrase is found: {start, end} (end exclusive), or null. */
    int[] find(List<String> tokens) {
        for (int start = 0; start < tokens.size(); start++) {
            int end = matchFrom(tokens, start, 0);
            if (end >= 0) {
                return new int[] {start, end};
            }
        }
        return null;
    }

    boolean in(List<String> tokens) {
        return find(tokens) != null;
    }

    /** The end of a match of elements [element..] starting at token {@code at}, or -1. */
    private int matchFrom(List<String> tokens, int at, int element) {
        if (element == elements.size()) {
            return at;
        }
        switch (elements.get(element)) {
            case Gap ignored -> {
                for (int skip = 0; skip <= GAP && at + skip <= tokens.size(); skip++) {
                    int end = matchFrom(tokens, at + skip, element + 1);
                    if (end >= 0) {
                        return end;
                    }
                }
                return -1;
            }
            case Choice choice -> {
                for (List<Word> words : choice.alternatives()) {
                    if (at + words.size() > tokens.size()) {
                        continue;
                    }
                    boolean all = true;
                    for (int i = 0; i < words.size() && all; i++) {
                        all = words.get(i).matches(tokens.get(at + i));
                    }
                    if (all) {
                        int end = matchFrom(tokens, at + words.size(), element + 1);
                        if (end >= 0) {
                            return end;
                        }
                    }
                }
                return -1;
            }
        }
    }

    @Override
    public String toString() {
        return source;
    }
}
