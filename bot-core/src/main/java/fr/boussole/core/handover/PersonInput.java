package fr.boussole.core.handover;

import fr.boussole.core.ids.Ids;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.message.Inbound;
import fr.boussole.core.message.Markers;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a person does in a conversation from the console's inbox: takes it, writes to the young person,
 * or hands it back to the bot. A system input: the console puts it in the conversation's inbox, so
 * that a person's words go out through the same outbox and channel as the bot's, in the conversation's
 * order, once (the inbox de-duplicates on the provider id derived from the handover and the input's
 * own id, which the console's form carries: a double click sends once).
 *
 * @param personName the first name the young person is told (never an email)
 * @param text       what the person wrote ({@link Kind#REPLY}), or null
 * @param inputId    unique within the handover
 */
public record PersonInput(String handoverId, Kind kind, String personName, String text, String inputId) {

    private static final String PREFIX = "person?";

    public enum Kind { TAKEN, REPLY, RETURNED }

    public PersonInput {
        Objects.requireNonNull(handoverId, "handoverId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(personName, "personName");
        Objects.requireNonNull(inputId, "inputId");
        if (kind == Kind.REPLY && (text == null || text.isBlank())) {
            throw new IllegalArgumentException("a reply needs a text");
        }
    }

    /** The only provider message id under which the marker is honoured. */
    public String providerMessageId() {
        return Ids.derived("person", handoverId, kind.name(), inputId);
    }

    public Inbound inbound(ConversationKey conversation, Instant at) {
        return new Inbound(providerMessageId(), conversation, "", toChoiceId(), null, at);
    }

    public String toChoiceId() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("h", handoverId);
        fields.put("k", kind.name());
        fields.put("n", personName);
        fields.put("t", text);
        fields.put("i", inputId);
        return Markers.write(PREFIX, fields);
    }

    public static Optional<PersonInput> parse(String choiceId) {
        return Markers.read(PREFIX, choiceId).flatMap(fields -> {
            try {
                return Optional.of(new PersonInput(fields.get("h"), Kind.valueOf(fields.get("k")), fields.get("n"),
                        fields.get("t"), fields.get("i")));
            } catch (RuntimeException malformed) {
                return Optional.empty();
            }
        });
    }

    /** The input an inbound carries, only when it is the genuine system message. */
    public static Optional<PersonInput> in(Inbound inbound) {
        return parse(inbound.choiceId()).filter(p -> p.providerMessageId().equals(inbound.providerMessageId()));
    }
}
