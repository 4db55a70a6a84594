package fr.boussole.app.logs;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The personal data a test gave the bot, and where it shows up in a log. A French mobile number is
 * found in any common form (+33 6 12 34 56 78, 0612345678, 06.12.34.56.78, 33612345678, URL-encoded
 * %2B336…) by looking for its nine significant digits once separators are removed; an email and a
 * message text by their own text, case-insensitively, also URL-encoded.
 */
final class PersonalData {

    /** Separators people and encoders put between digits: spaces (also non-breaking), dots, dashes, parentheses, slashes. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\u00a0\\u202f.\\-()/]");

    private final Set<String> phones = new LinkedHashSet<>();
    private final Set<String> texts = new LinkedHashSet<>();

    /** A French number in any form; kept as its nine significant digits (6 12 34 56 78). */
    PersonalData phone(String number) {
        String digits = number.replaceAll("\\D", "");
        if (digits.length() < 9) {
            throw new IllegalArgumentException("not a phone number: " + number);
        }
        phones.add(digits.substring(digits.length() - 9));
        return this;
    }

    PersonalData email(String email) {
        texts.add(email.toLowerCase(Locale.ROOT));
        texts.add(email.substring(0, email.indexOf('@')).toLowerCase(Locale.ROOT));
        return this;
    }

    /** A message text of the young person, or a distinctive part of it. */
    PersonalData text(String text) {
        texts.add(text.toLowerCase(Locale.ROOT));
        return this;
    }

    /** What of this data the line contains, described without repeating it ("phone …5 67 78"). */
    List<String> foundIn(String line) {
        List<String> found = new ArrayList<>();
        String lower = line.toLowerCase(Locale.ROOT);
        String decoded = lower.replace("%2b", "+").replace("%40", "@").replace("%20", " ").replace("+", " ");
        String digitsOnly = SEPARATORS.matcher(lower).replaceAll("");
        for (String phone : phones) {
            if (digitsOnly.contains(phone)) {
                found.add("phone ending " + "…" + phone.substring(7));
            }
        }
        for (String text : texts) {
            if (lower.contains(text) || decoded.contains(text)
                    || lower.contains(URLEncoder.encode(text, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT))) {
                found.add("text of " + text.length() + " characters starting " + text.substring(0, Math.min(3, text.length())) + "…");
            }
        }
        return found;
    }
}
