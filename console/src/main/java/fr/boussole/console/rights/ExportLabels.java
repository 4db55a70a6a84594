package fr.boussole.console.rights;

import fr.boussole.core.rights.HeldRecord;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns held records into what the young person reads: kinds and field names in French
 * ({@code rights.kind.*}, {@code rights.field.*} in the console's messages). A key
 * {@code prefix:detail} reads as the prefix's label followed by the detail (a question's wording).
 */
@Component
class ExportLabels {

    private static final Locale FRENCH = Locale.FRENCH;
    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    ExportLabels() {
        messages.setBasename("console-messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    String kind(String kind) {
        return messages.getMessage("rights.kind." + kind, null, kind, FRENCH);
    }

    String field(String key) {
        int colon = key.indexOf(':');
        if (colon > 0) {
            return field(key.substring(0, colon)) + " " + key.substring(colon + 1);
        }
        return messages.getMessage("rights.field." + key, null, key, FRENCH);
    }

    /** The records grouped by kind, in the order met, with readable field names. */
    Map<String, List<Map<String, String>>> grouped(List<HeldRecord> records) {
        Map<String, List<Map<String, String>>> byKind = new LinkedHashMap<>();
        for (HeldRecord record : records) {
            Map<String, String> fields = new LinkedHashMap<>();
            record.fields().forEach((key, value) -> fields.put(field(key), value));
            byKind.computeIfAbsent(kind(record.kind()), k -> new ArrayList<>()).add(fields);
        }
        return byKind;
    }
}
