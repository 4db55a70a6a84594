package fr.boussole.pipeline.conversation;

import fr.boussole.core.conversation.DialogEvent;
import org.bson.Document;
import tools.jackson.databind.json.JsonMapper;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The stored form of a turn's events, kept with the state they came with so that a turn
 * interrupted by a crash is completed by replaying its events rather than by asking the engine
 * again. Each event is its type name and its JSON (records map to JSON and back as they are).
 */
final class StoredEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, Class<?>> TYPES = Arrays.stream(DialogEvent.class.getPermittedSubclasses())
            .collect(Collectors.toMap(Class::getSimpleName, Function.identity()));

    private StoredEvents() {}

    static List<Document> write(List<DialogEvent> events) {
        return events.stream()
                .map(e -> new Document("type", e.getClass().getSimpleName()).append("json", JSON.writeValueAsString(e)))
                .toList();
    }

    static List<DialogEvent> read(List<Document> stored) {
        return stored.stream().map(doc -> {
            Class<?> type = TYPES.get(doc.getString("type"));
            if (type == null) {
                throw new IllegalStateException("unknown stored event type " + doc.getString("type"));
            }
            return (DialogEvent) JSON.readValue(doc.getString("json"), type);
        }).toList();
    }
}
