package fr.boussole.core.rights;

import fr.boussole.core.message.ConversationKey;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One thing held about a subject, for an access request: its kind ("conversation",
 * "inbound-message"…) and its fields in order, by stable keys that the console turns into readable
 * labels, with clear values (the export is for the young person). It also says where it belongs, so that
 * a request can be scoped to a territory: the territory that holds it (a request's, the one a
 * conversation reached) and the conversation it is part of, whose territory it shares when it has none
 * of its own.
 *
 * @param territory    the territory that holds it, or null when it knows none
 * @param conversation the conversation it belongs to, or null
 */
public record HeldRecord(String kind, String territory, ConversationKey conversation, Map<String, String> fields) {

    public HeldRecord {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public HeldRecord(String kind, Map<String, String> fields) {
        this(kind, null, null, fields);
    }

    /** Starts a record; null values are left out. */
    public static Builder of(String kind) {
        return new Builder(kind);
    }

    public static final class Builder {
        private final String kind;
        private String territory;
        private ConversationKey conversation;
        private final Map<String, String> fields = new LinkedHashMap<>();

        private Builder(String kind) {
            this.kind = kind;
        }

        public Builder with(String key, Object value) {
            if (value != null && !value.toString().isEmpty()) {
                fields.put(key, value.toString());
            }
            return this;
        }

        /** The territory that holds the record (null: unknown). */
        public Builder territory(String territoryId) {
            this.territory = territoryId;
            return this;
        }

        /** The conversation the record is part of. */
        public Builder conversation(ConversationKey key) {
            this.conversation = key;
            return this;
        }

        public HeldRecord build() {
            return new HeldRecord(kind, territory, conversation, fields);
        }
    }
}
