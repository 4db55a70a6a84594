package fr.boussole.dialogs.language;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The normal form of a French text, for comparisons: tokens in lower case without accents, elision apostrophes
 * and punctuation dropped, a letter typed three times or more kept once ("ouiii", "nooon"), then texting
 * spellings and emoji rewritten in plain words from {@code language/texting.tsv} ("slt" → "salut", "jsp" → "je sais
 * pas", "st" → "saint", 👍 → "oui").
 */
public final class FrenchNormaliser {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern REPEATED = Pattern.compile("([a-z])\\1{2,}");

    private final FrenchTokenizer tokenizer;
    private final Map<String, List<String>> rewrites;
    private final int longestRewrite;

    FrenchNormaliser(FrenchTokenizer tokenizer, Map<List<String>, List<String>> rewrites) {
        this.tokenizer = tokenizer;
        this.rewrites = new HashMap<>();
        int longest = 1;
        for (var rewrite : rewrites.entrySet()) {
            this.rewrites.put(String.join(" ", rewrite.getKey()), rewrite.getValue());
            longest = Math.max(longest, rewrite.getKey().size());
        }
        this.longestRewrite = longest;
    }

    public static FrenchNormaliser load() {
        FrenchTokenizer tokenizer = new FrenchTokenizer();
        Map<List<String>, List<String>> rewrites = new HashMap<>();
        FrenchNormaliser plain = new FrenchNormaliser(tokenizer, Map.of());
        for (String[] row : Resources.tabSeparated("/language/texting.tsv", 2)) {
            rewrites.put(plain.tokens(row[0]), plain.tokens(row[1]));
        }
        return new FrenchNormaliser(tokenizer, rewrites);
    }

    /** The normal tokens of a text. */
    public List<String> tokens(String text) {
        List<String> folded = new ArrayList<>();
        for (String token : tokenizer.tokens(text)) {
            String normal = fold(token);
            if (!normal.isEmpty()) {
                folded.add(normal);
            }
        }
        return rewrite(folded);
    }

    /** The normal form as one string of single-space-separated tokens. */
    public String normalise(String text) {
        return String.join(" ", tokens(text));
    }

    /** Lower case, no accent, no apostrophe, no punctuation; emoji kept for the rewrites to read. */
    static String fold(String token) {
        String lower = MARKS.matcher(Normalizer.normalize(token.toLowerCase(Locale.ROOT), Normalizer.Form.NFD))
                .replaceAll("")
                .replace("œ", "oe").replace("æ", "ae").replace("'", "");
        int first = lower.isEmpty() ? 0 : lower.codePointAt(0);
        if (Character.isLetterOrDigit(first)) {
            return REPEATED.matcher(lower).replaceAll("$1");
        }
        // a symbol is kept only when it may carry meaning (emoji, "?"); other punctuation goes
        return Character.getType(first) == Character.OTHER_SYMBOL || first == '?' ? lower : "";
    }

    private List<String> rewrite(List<String> tokens) {
        if (rewrites.isEmpty()) {
            return tokens;
        }
        List<String> out = new ArrayList<>(tokens.size() + 4);
        int i = 0;
        while (i < tokens.size()) {
            boolean done = false;
            for (int length = Math.min(longestRewrite, tokens.size() - i); length >= 1 && !done; length--) {
                List<String> replacement = rewrites.get(String.join(" ", tokens.subList(i, i + length)));
                if (replacement != null) {
                    out.addAll(replacement);
                    i += length;
                    done = true;
                }
            }
            if (!done) {
                String token = tokens.get(i++);
                if (Character.isLetterOrDigit(token.codePointAt(0)) || token.equals("?")) {
                    out.add(token);
                }
            }
        }
        return out;
    }
}
