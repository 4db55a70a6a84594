package fr.boussole.dialogs.language;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The questions young people ask and their one-line answers, from {@code language/faq.fr.yaml}: each entry has an id,
 * an answer (shown by the engine as the text {@code faq.<id>}) and the ways of asking it, in the phrase syntax.
 */
public final class Faq {

    public static final String BUNDLED = "language/faq.fr.yaml";
    /** Text keys of the answers: {@code faq.<id>}. */
    public static final String KEY_PREFIX = "faq.";
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]*");

    /** One question of the FAQ. */
    public record Entry(String id, String answer, List<String> asks) {
        public Entry {
            asks = List.copyOf(asks);
        }
    }

    private final List<Entry> entries;

    private Faq(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static Faq bundled() {
        try (InputStream in = Faq.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("FAQ not found on the classpath: " + BUNDLED);
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUNDLED, e);
        }
    }

    static Faq read(java.io.Reader reader) {
        Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        if (!(loaded instanceof List<?> list)) {
            throw new IllegalStateException(BUNDLED + ": expected a list of entries");
        }
        List<Entry> entries = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> map) || !(map.get("id") instanceof String id)
                    || !(map.get("answer") instanceof String answer) || !(map.get("asks") instanceof List<?> asks)) {
                throw new IllegalStateException(BUNDLED + ": each entry needs an id, an answer and asks: " + item);
            }
            if (!ID.matcher(id).matches()) {
                throw new IllegalStateException(BUNDLED + ": id '" + id + "' must be lower case words joined by '-'");
            }
            if (entries.stream().anyMatch(e -> e.id().equals(id))) {
                throw new IllegalStateException(BUNDLED + ": id '" + id + "' twice");
            }
            List<String> ways = new ArrayList<>();
            for (Object ask : asks) {
                if (!(ask instanceof String way) || way.isBlank()) {
                    throw new IllegalStateException(BUNDLED + ": '" + id + "' has an empty way of asking");
                }
                ways.add(way);
            }
            entries.add(new Entry(id, answer.strip(), ways));
        }
        return new Faq(entries);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The answers as texts of the engine: {@code faq.<id>} → answer. */
    public Map<String, String> answersByKey() {
        Map<String, String> answers = new LinkedHashMap<>();
        entries.forEach(e -> answers.put(KEY_PREFIX + e.id(), e.answer()));
        return answers;
    }
}
