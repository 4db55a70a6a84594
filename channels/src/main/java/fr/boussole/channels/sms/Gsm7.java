package fr.boussole.channels.sms;

import java.text.Normalizer;
import java.util.Map;

/**
 * The GSM 03.38 7-bit alphabet. A text written only with it costs 160 characters per SMS; a single
 * character outside it switches the whole message to UCS-2 and 70 characters per SMS, which is why
 * French texts are transliterated here rather than sent as written.
 */
public final class Gsm7 {

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    /** Characters of the extension table: each costs two septets (escape + character). */
    private static final String EXTENSION = "^{}\\[~]|€\f";

    private static final Map<Integer, String> REPLACEMENTS = Map.ofEntries(
            Map.entry((int) 'ç', "c"), Map.entry((int) 'œ', "oe"), Map.entry((int) 'Œ', "OE"),
            Map.entry((int) '’', "'"), Map.entry((int) '‘', "'"), Map.entry((int) 'ʼ', "'"), Map.entry((int) '`', "'"),
            Map.entry((int) '´', "'"), Map.entry((int) '«', "\""), Map.entry((int) '»', "\""),
            Map.entry((int) '“', "\""), Map.entry((int) '”', "\""), Map.entry((int) '„', "\""),
            Map.entry((int) '…', "..."), Map.entry((int) '–', "-"), Map.entry((int) '—', "-"),
            Map.entry((int) '‑', "-"), Map.entry((int) '•', "-"), Map.entry((int) '·', "-"),
            Map.entry((int) '\u00A0', " "), Map.entry((int) '\u202F', " "), Map.entry((int) '\u2009', " "),
            Map.entry((int) '\t', " "), Map.entry((int) '×', "x"), Map.entry((int) '°', "o"),
            Map.entry((int) '²', "2"), Map.entry((int) '³', "3"), Map.entry((int) '½', "1/2"),
            Map.entry((int) '‰', "%"), Map.entry((int) '→', "->"), Map.entry((int) '←', "<-"),
            Map.entry((int) '✓', "v"), Map.entry((int) '✔', "v"), Map.entry((int) '✅', "v"),
            Map.entry((int) '❌', "x"), Map.entry((int) '☎', "Tel"), Map.entry(0x1F4DE, "Tel"),
            Map.entry(0x1F449, "->"), Map.entry((int) '⚠', "!"), Map.entry((int) '‼', "!!"),
            Map.entry((int) '©', "(c)"), Map.entry((int) '®', "(R)"), Map.entry((int) '™', "TM"),
            Map.entry((int) '\u200B', ""), Map.entry((int) '\uFEFF', ""),
            Map.entry((int) '\u200D', ""), Map.entry((int) '\uFE0F', ""));

    private Gsm7() {}

    public static boolean isGsm7(int codePoint) {
        return codePoint < 0x10000 && (BASIC.indexOf(codePoint) >= 0 || EXTENSION.indexOf(codePoint) >= 0);
    }

    public static boolean isGsm7(String text) {
        return text.codePoints().allMatch(Gsm7::isGsm7);
    }

    /** How many septets the text takes: extension characters count twice. */
    public static int septets(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            n += EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
        }
        return n;
    }

    /** SMS segments of one message of this (GSM-7) text: 160 septets alone, 153 per segment when concatenated. */
    public static int segments(String text) {
        int septets = septets(text);
        if (septets <= 160) {
            return 1;
        }
        return (septets + 152) / 153;
    }

    /**
     * The text rewritten with GSM-7 characters only: those of the alphabet kept (é è à ù Ç...),
     * others replaced by their closest spelling (ê→e, œ→oe, ’→'), emoji and other pictographs dropped.
     */
    public static String transliterate(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> out.append(replacementFor(cp)));
        return out.toString().replaceAll(" {2,}", " ").replaceAll(" +\n", "\n").strip();
    }

    private static String replacementFor(int cp) {
        if (isGsm7(cp)) {
            return Character.toString(cp);
        }
        String mapped = REPLACEMENTS.get(cp);
        if (mapped != null) {
            return mapped;
        }
        String decomposed = Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFD);
        StringBuilder base = new StringBuilder();
        decomposed.codePoints()
                .filter(c -> Character.getType(c) != Character.NON_SPACING_MARK)
                .filter(Gsm7::isGsm7)
                .forEach(base::appendCodePoint);
        if (!base.isEmpty()) {
            return base.toString();
        }
        if (Character.isLetterOrDigit(cp)) {
            return "?";
        }
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return " ";
        }
        // Emoji, pictographs, variation selectors, other symbols: no meaning lost worth a UCS-2 message.
        return "";
    }
}
