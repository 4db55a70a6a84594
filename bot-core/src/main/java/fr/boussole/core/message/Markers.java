package fr.boussole.core.message;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The form in which a system input travels in an inbound's choice id: a prefix naming its kind, then
 * its fields as {@code key=value} pairs, URL-encoded, joined by {@code &}. The inbound is sealed at rest
 * like any message; only the system input's own derived provider id makes the marker count (see the
 * callers), so a young person who sends one as a choice id gets nothing from it.
 */
public final class Markers {

    private Markers() {}

    /** The marker of these fields (null values left out) under this prefix. */
    public static String write(String prefix, Map<String, String> fields) {
        StringBuilder marker = new StringBuilder(prefix);
        boolean first = true;
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (field.getValue() == null) {
                continue;
            }
            marker.append(first ? "" : "&").append(field.getKey()).append('=')
                    .append(URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8));
            first = false;
        }
        return marker.toString();
    }

    /** The fields of a marker under this prefix; empty when it is not one, or malformed. */
    public static Optional<Map<String, String>> read(String prefix, String choiceId) {
        if (choiceId == null || !choiceId.startsWith(prefix)) {
            return Optional.empty();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        try {
            for (String pair : choiceId.substring(prefix.length()).split("&")) {
                int equals = pair.indexOf('=');
                if (equals <= 0) {
                    return Optional.empty();
                }
                fields.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        return Optional.of(fields);
    }
}
