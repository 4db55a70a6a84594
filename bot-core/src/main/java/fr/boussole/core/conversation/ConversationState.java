package fr.boussole.core.conversation;

import fr.boussole.core.message.ConversationKey;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole state of one conversation, as the caller stores it between turns. Its stored form is a
 * map of strings, numbers, booleans, lists and maps only, so that any document store keeps it as is
 * and a transcript runner can round-trip it. What is inside is the engine's: the journey's engine
 * reads and writes it through one versioned codec ({@code fr.boussole.core.journey.JourneyStateCodec}).
 */
public record ConversationState(ConversationKey key, Map<String, Object> values) {

    public ConversationState {
        Objects.requireNonNull(key, "key");
        values = Map.copyOf(values);
    }

    public static ConversationState start(ConversationKey key) {
        return new ConversationState(key, Map.of());
    }

    /**
     * The contact address the young person typed, if the state holds one: the pipeline keys a lookup
     * hash on it so that an erasure or an access request finds a conversation that has no request yet.
     * Engines keep it at {@code request.contact.address} in their stored form.
     */
    public Optional<String> contactAddress() {
        return values.get("request") instanceof Map<?, ?> request && request.get("contact") instanceof Map<?, ?> contact
                && contact.get("address") instanceof String address && !address.isBlank()
                ? Optional.of(address) : Optional.empty();
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
