package fr.boussole.core.rights;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One thing held about a subject, for an access request: its kind ("conversation",
 * "inbound-message"…) and its fields in order, by stable keys that the console turns into readable
 * labels, with clear values (the export is for the young person).
 */
public record HeldRecord(String kind, Map<String, String> fields) {

    public HeldRecord {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** Starts a record; null values are left out. */
    public static Builder of(String kind) {
        return new Builder(kind);
    }

    public static final class Builder {
        private final String kind;
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

        public HeldRecord build() {
            return new HeldRecord(kind, fields);
        }
    }
}
