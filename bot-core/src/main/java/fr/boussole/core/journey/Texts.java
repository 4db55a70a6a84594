package fr.boussole.core.journey;

import java.util.Map;

/**
 * Every sentence the bot says, by key: the engine holds no user-visible text. Placeholders are
 * written {@code {name}} and filled from the arguments.
 */
public interface Texts {

    /** @throws IllegalArgumentException when the key is unknown: a missing text is a bug, not a blank */
    String text(String key, Map<String, String> args);

    /** Whether a text exists for this key, for optional texts such as the words of a theme. */
    boolean has(String key);

    default String text(String key) {
        return text(key, Map.of());
    }
}
