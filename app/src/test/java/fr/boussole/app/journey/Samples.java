package fr.boussole.app.journey;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.engine.SourceOfRandomness;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * jqwik's generators driven by a seeded source of randomness, for properties that run
 * inside a Spring Boot test: jqwik's own runner does not start Spring contexts. The seed is
 * {@code -Dboussole.fuzz.seed=<long>} (a fixed default, so the suite is reproducible); a failure names
 * the seed and the input that broke the property, so that the run can be replayed.
 */
final class Samples {

    static final long SEED = Long.getLong("boussole.fuzz.seed", 20261123L);

    private Samples() {}

    static <T> List<T> of(Arbitrary<T> arbitrary, int count, String property) {
        // jqwik's sampling outside a property draws from this thread's source of randomness: seeded here
        SourceOfRandomness.create(Long.toString(SEED ^ property.hashCode()));
        return arbitrary.sampleStream().limit(count).toList();
    }

    /** Checks every sample and reports the first that fails, with the seed to replay it. */
    static <T> void forAll(Arbitrary<T> arbitrary, int count, String property, Consumer<T> check) {
        for (T sample : of(arbitrary, count, property)) {
            try {
                check.accept(sample);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(property + " failed (seed " + SEED + ") on " + printable(String.valueOf(sample)), e);
            }
        }
    }

    /** Texts people and attackers send: any Unicode, control characters, emoji, operators, markup, long runs. */
    static Arbitrary<String> nastyText(int maxLength) {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(Math.min(maxLength, 200)),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').withChars('\u007f', '\u0085', '\u2028', '\u202e', '\ufeff')
                        .ofMaxLength(40),
                Arbitraries.of("😀", "👍🏽", "🇫🇷", "👨‍👩‍👧", "é", "e\u0301", "ǅ", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢").list().ofMaxSize(30).map(l -> String.join("", l)),
                operators(),
                Arbitraries.strings().withChars("aé 😀").ofMinLength(maxLength / 2).ofMaxLength(maxLength));
    }

    /** MongoDB operators, script and template injections: to be stored as plain text, never interpreted. */
    static Arbitrary<String> operators() {
        return Arbitraries.of("$gt", "$where", "{\"$ne\":null}", "{\"$gt\":\"\"}", "{\"$where\":\"sleep(1000)\"}",
                "this.text == 'x' || true", "'; return true; var x='", "$regex", "{\"$regex\":\".*\"}", "a.$b", "$",
                "<script>alert(1)</script>", "{{7*7}}", "${7*7}", "[[${7*7}]]", "%00", "%zz", "\\u0000", "null", "");
    }

    /** What a string becomes once sent as UTF-8: lone surrogates turn into '?'. */
    static String asSent(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(300).forEach(c -> out.append(Character.isISOControl(c) || Character.isSurrogate((char) c) && c <= 0xffff
                || c == 0xfffe || c == 0xffff ? String.format("\\u%04x", c) : Character.toString(c)));
        return text.length() > 300 ? out + "… (" + text.length() + " chars)" : out.toString();
    }
}
