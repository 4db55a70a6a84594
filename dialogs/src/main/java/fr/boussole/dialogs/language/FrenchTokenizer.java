package fr.boussole.dialogs.language;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits French text into tokens. OpenNLP serves no French tokenizer model, and texted French needs its own rules
 * anyway: an elided word keeps its apostrophe ("j'ai" → "j'", "ai"; "aujourd'hui" stays whole), hyphens and
 * punctuation separate words ("dix-neuf" → "dix", "neuf"), digits are split from the letters that follow unless
 * they make an ordinal ("17ans" → "17", "ans"; "2e" and "1er" stay whole), keycap emoji digits are one number
 * ("1️⃣9️⃣" → "19", 🔟 → "10"), and each other emoji is a token of its own.
 */
public final class FrenchTokenizer {

    private static final Set<String> ELIDED = Set.of("l", "j", "d", "m", "t", "s", "n", "c", "qu", "jusqu", "lorsqu",
            "puisqu", "quoiqu", "presqu");
    private static final Set<String> WHOLE_WITH_APOSTROPHE = Set.of("aujourd", "prud");
    private static final Set<String> ORDINAL_SUFFIXES = Set.of("e", "er", "re", "ere", "eme", "ème", "ère", "ieme",
            "ième", "nd", "nde", "em");

    private static final char KEYCAP = '\u20E3';
    private static final int KEYCAP_TEN = 0x1F51F;

    public List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        int i = 0;
        int n = text.length();
        while (i < n) {
            int cp = text.codePointAt(i);
            if (Character.isLetter(cp)) {
                int end = endOfLetters(text, i);
                String word = text.substring(i, end);
                if (end < n && isApostrophe(text.charAt(end))) {
                    String lower = word.toLowerCase(Locale.ROOT);
                    if (WHOLE_WITH_APOSTROPHE.contains(lower) && end + 1 < n && Character.isLetter(text.charAt(end + 1))) {
                        int rest = endOfLetters(text, end + 1);
                        tokens.add(word + "'" + text.substring(end + 1, rest));
                        i = rest;
                        continue;
                    }
                    if (ELIDED.contains(lower)) {
                        tokens.add(word + "'");
                        i = end + 1;
                        continue;
                    }
                }
                tokens.add(word);
                i = end;
            } else if (Character.isDigit(cp) && keycapEnd(text, i) > i) {
                // keycap emoji digits ("1️⃣9️⃣") are one number, as a phone keyboard types them
                StringBuilder digits = new StringBuilder();
                int end = i;
                while (end < n && Character.isDigit(text.charAt(end)) && keycapEnd(text, end) > end) {
                    digits.append(text.charAt(end));
                    end = keycapEnd(text, end);
                }
                tokens.add(digits.toString());
                i = end;
            } else if (cp == KEYCAP_TEN) {
                tokens.add("10");
                i += Character.charCount(cp);
            } else if (Character.isDigit(cp)) {
                int end = i;
                while (end < n && Character.isDigit(text.charAt(end))) {
                    end++;
                }
                int letters = endOfLetters(text, end);
                if (letters > end && ORDINAL_SUFFIXES.contains(text.substring(end, letters).toLowerCase(Locale.ROOT))) {
                    end = letters;
                }
                tokens.add(text.substring(i, end));
                i = end;
            } else if (Character.isWhitespace(cp) || cp == '-' || cp == '_' || isApostrophe((char) cp)
                    || Character.getType(cp) == Character.NON_SPACING_MARK || cp == 0x200D || cp == 0xFE0F) {
                i += Character.charCount(cp);
            } else {
                // punctuation mark or symbol (emoji): one token per code point, skin tones and joiners dropped
                if (!(cp >= 0x1F3FB && cp <= 0x1F3FF)) {
                    tokens.add(new String(Character.toChars(cp)));
                }
                i += Character.charCount(cp);
            }
        }
        return tokens;
    }

    /** The end of a keycap emoji starting with the digit at {@code at} (digit, optional U+FE0F, U+20E3), or {@code at}. */
    private static int keycapEnd(String text, int at) {
        int next = at + 1;
        if (next < text.length() && text.charAt(next) == '\uFE0F') {
            next++;
        }
        return next < text.length() && text.charAt(next) == KEYCAP ? next + 1 : at;
    }

    private static int endOfLetters(String text, int from) {
        int end = from;
        while (end < text.length()) {
            int cp = text.codePointAt(end);
            if (!Character.isLetter(cp) && Character.getType(cp) != Character.NON_SPACING_MARK) {
                break;
            }
            end += Character.charCount(cp);
        }
        return end;
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '’' || c == 'ʼ' || c == '`' || c == '´';
    }
}
