package fr.boussole.core.journey;

import java.util.Optional;
import java.util.regex.Pattern;

/** Checks what a young person types as a contact: a French mobile number or an email address. */
final class ContactAddresses {

    private static final Pattern EMAIL =
            Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern PHONE_CHARS = Pattern.compile("[+0-9 .()\\-]{6,25}");

    private ContactAddresses() {}

    /**
     * A French mobile number (06, 07, and their +33 / 0033 forms, with spaces, dots or dashes) in
     * E.164 form. Landlines are refused: a professional's call or SMS must reach the young person.
     */
    static Optional<String> frenchMobile(String typed) {
        String text = typed.strip();
        if (!PHONE_CHARS.matcher(text).matches()) {
            return Optional.empty();
        }
        String digits = text.replaceAll("[^0-9]", "");
        String national;
        if (text.startsWith("+33")) {
            national = digits.substring(2);
        } else if (digits.startsWith("0033")) {
            national = digits.substring(4);
        } else if (digits.startsWith("0")) {
            national = digits.substring(1);
        } else {
            return Optional.empty();
        }
        if (national.startsWith("0")) {
            national = national.substring(1); // "+33 (0)6 ..." is a common way to write it
        }
        if (national.length() != 9 || !(national.startsWith("6") || national.startsWith("7"))) {
            return Optional.empty();
        }
        return Optional.of("+33" + national);
    }

    static Optional<String> email(String typed) {
        String text = typed.strip();
        return EMAIL.matcher(text).matches() && text.length() <= 254 ? Optional.of(text)
                : Optional.empty();
    }

    /** Whether the text looks like an attempt at an email rather than a number, to say what was wrong. */
    static boolean looksLikeEmail(String typed) {
        return typed.contains("@");
    }
}
