package fr.boussole.channels.sms;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts a GSM-7 text into SMS messages of at most {@link #MAX_SEGMENTS} concatenated segments each.
 * A concatenated SMS arrives whole and in order, so most texts go as one message; only a text longer
 * than that is cut, at a line break if possible, else at the end of a sentence, else between words.
 */
public final class SmsSplitter {

    /** Segments per message: beyond that, phones and carriers handle concatenation badly. */
    public static final int MAX_SEGMENTS = 3;
    private static final int MAX_SEPTETS = MAX_SEGMENTS * 153;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?:;])\\s+");

    private SmsSplitter() {}

    public static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String piece : pieces(text)) {
            String joined = current.isEmpty() ? piece : current + piece;
            if (Gsm7.septets(joined.strip()) <= MAX_SEPTETS) {
                current.setLength(0);
                current.append(joined);
            } else {
                if (!current.toString().isBlank()) {
                    parts.add(current.toString().strip());
                }
                current.setLength(0);
                current.append(piece.stripLeading());
            }
        }
        if (!current.toString().isBlank()) {
            parts.add(current.toString().strip());
        }
        return parts;
    }

    /** The text as pieces no longer than one message, each keeping the separator that follows it. */
    private static List<String> pieces(String text) {
        List<String> pieces = new ArrayList<>();
        for (String line : text.split("(?<=\n)")) {
            if (Gsm7.septets(line) <= MAX_SEPTETS) {
                pieces.add(line);
                continue;
            }
            for (String sentence : SENTENCE_END.split(line)) {
                if (Gsm7.septets(sentence) + 1 <= MAX_SEPTETS) {
                    pieces.add(sentence + " ");
                } else {
                    pieces.addAll(words(sentence + " "));
                }
            }
        }
        return pieces;
    }

    private static List<String> words(String sentence) {
        List<String> words = new ArrayList<>();
        for (String word : sentence.split("(?<= )")) {
            // A "word" longer than a message (a URL?) is cut where it must be.
            while (Gsm7.septets(word) > MAX_SEPTETS) {
                int cut = MAX_SEPTETS / 2;
                words.add(word.substring(0, cut));
                word = word.substring(cut);
            }
            words.add(word);
        }
        return words;
    }
}
