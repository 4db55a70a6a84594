package fr.boussole.core.journey;

import fr.boussole.core.message.PhoneNumbers;

import java.util.Optional;
import java.util.regex.Pattern;

/** Checks what a young person types as a contact: a French mobile number or an email address. */
final class ContactAddresses {

    private static final Pattern EMAIL =
            Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

    private ContactAddresses() {}

    /**
     * A French mobile number (06, 07, and their +33 / 0033 forms, with spaces, dots or dashes) in
     * E.164 form. Landlines are refused: a professional's call or SMS must reach the young person.
     */
    static Optional<String> frenchMobile(String typed) {
        return PhoneNumbers.frenchMobile(typed);
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
