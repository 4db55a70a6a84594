package fr.boussole.store.csv;

import fr.boussole.store.organisation.OrganisationContact;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An organisation's contacts in one CSV cell: contacts separated by {@code ;}, each
 * {@code name|role|phone|email|alerts} where the last field is {@code alerts} for those who get an email
 * at each new request, else empty. Trailing empty fields may be left out.
 * Example: {@code Accueil||05 65 00 00 00|accueil@ml.example.org|alerts; Direction|||direction@ml.example.org}.
 */
final class ContactsFormat {

    static final String ALERTS = "alerts";

    private ContactsFormat() {}

    static String format(List<OrganisationContact> contacts) {
        List<String> parts = new ArrayList<>();
        for (OrganisationContact c : contacts) {
            parts.add(String.join("|", blank(c.name()), blank(c.role()), blank(c.phone()), blank(c.email()),
                    c.alerts() ? ALERTS : ""));
        }
        return String.join("; ", parts);
    }

    /** The contacts of a cell; throws {@link IllegalArgumentException} naming the part that cannot be read. */
    static List<OrganisationContact> parse(String cell) {
        List<OrganisationContact> contacts = new ArrayList<>();
        if (cell == null || cell.isBlank()) {
            return contacts;
        }
        for (String part : cell.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            String[] fields = part.split("\\|", -1);
            if (fields.length > 5) {
                throw new IllegalArgumentException(part.strip());
            }
            String flag = field(fields, 4);
            if (flag != null && !flag.toLowerCase(Locale.ROOT).equals(ALERTS)) {
                throw new IllegalArgumentException(part.strip());
            }
            contacts.add(new OrganisationContact(field(fields, 0), field(fields, 1), field(fields, 2), field(fields, 3),
                    flag != null));
        }
        return contacts;
    }

    private static String field(String[] fields, int index) {
        if (index >= fields.length || fields[index].isBlank()) {
            return null;
        }
        return fields[index].strip();
    }

    private static String blank(String s) {
        return s == null ? "" : s.replace(";", ",").replace("|", "/");
    }
}
