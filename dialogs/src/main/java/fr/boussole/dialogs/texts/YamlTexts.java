package fr.boussole.dialogs.texts;

import fr.boussole.core.journey.Texts;
import fr.boussole.dialogs.language.Faq;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Texts from a flat YAML map of key to sentence, with {name} placeholders; the bundle adds the FAQ's answers. */
public final class YamlTexts implements Texts {

    /** The journey's texts shipped with the application. */
    public static final String BUNDLED = "texts/journey.fr.yaml";
    /**
     * The way forward after a search, shipped beside them: what to do when no offer fits, and what
     * became of a request (news, another offer).
     */
    public static final String WAY_FORWARD = "texts/way-forward.fr.yaml";
    /** A person who answers when the bot cannot (the handover), shipped beside them. */
    public static final String PERSON = "texts/person.fr.yaml";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z][a-zA-Z0-9-]*)}");

    private final Map<String, String> texts;

    private YamlTexts(Map<String, String> texts) {
        this.texts = Map.copyOf(texts);
    }

    /**
     * The journey's texts, the way forward after a search ({@link #WAY_FORWARD}), a person who answers
     * ({@link #PERSON}) and the answers of the FAQ
     * ({@link Faq#BUNDLED}), the latter under the keys {@code faq.<id>}: one place where the engine
     * finds every sentence it says.
     */
    public static YamlTexts bundled() {
        Map<String, String> all = new LinkedHashMap<>(resource(BUNDLED).texts);
        for (String more : java.util.List.of(WAY_FORWARD, PERSON)) {
            resource(more).texts.forEach((key, text) -> {
                if (all.putIfAbsent(key, text) != null) {
                    throw new IllegalStateException(more + " defines '" + key + "' again");
                }
            });
        }
        Faq.bundled().answersByKey().forEach((key, answer) -> {
            if (all.putIfAbsent(key, answer) != null) {
                throw new IllegalStateException(BUNDLED + " and " + Faq.BUNDLED + " both define '" + key + "'");
            }
        });
        return new YamlTexts(all);
    }

    private static YamlTexts resource(String name) {
        try (InputStream in = YamlTexts.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("texts bundle not found on the classpath: " + name);
            }
            return read(name, new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    public static YamlTexts read(String name, Reader reader) {
        Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new IllegalStateException(name + ": expected a map of key to text");
        }
        Map<String, String> texts = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            if (!(value instanceof String text)) {
                throw new IllegalStateException(name + ": the text of '" + key + "' is not a string");
            }
            texts.put(String.valueOf(key), text);
        });
        return new YamlTexts(texts);
    }

    public Set<String> keys() {
        return texts.keySet();
    }

    @Override
    public boolean has(String key) {
        return texts.containsKey(key);
    }

    @Override
    public String text(String key, Map<String, String> args) {
        String text = texts.get(key);
        if (text == null) {
            throw new IllegalArgumentException("no text for key '" + key + "' in " + BUNDLED);
        }
        if (args.isEmpty()) {
            return text;
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = args.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : matcher.group()));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
