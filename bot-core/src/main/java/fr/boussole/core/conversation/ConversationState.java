package fr.boussole.core.conversation;

import fr.boussole.core.message.ConversationKey;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The whole state of one conversation, as the caller stores it between turns. Its stored form is a
 * map of strings, numbers, booleans, lists and maps only, so that any document store keeps it as is
 * and a transcript runner can round-trip it.
 */
public record ConversationState(ConversationKey key, Map<String, Object> values) {

    public ConversationState {
        Objects.requireNonNull(key, "key");
        values = Map.copyOf(values);
    }

    public static ConversationState start(ConversationKey key) {
        return new ConversationState(key, Map.of());
    }

    public Map<String, Object> toStored() {
        Map<String, Object> stored = new LinkedHashMap<>(values);
        stored.put("key", key.value());
        return stored;
    }

    public static ConversationState fromStored(Map<String, Object> stored) {
        Map<String, Object> values = new LinkedHashMap<>(stored);
        ConversationKey key = ConversationKey.parse((String) values.remove("key"));
        return new ConversationState(key, values);
    }
}
