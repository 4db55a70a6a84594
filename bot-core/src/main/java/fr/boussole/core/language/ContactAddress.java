package fr.boussole.core.language;

import java.util.Optional;

/** A way to reach the young person, written in a message. */
public sealed interface ContactAddress {

    /**
     * A phone number in E.164 form (read by {@link fr.boussole.core.message.PhoneNumbers}), and whether it
     * is a French mobile (06, 07): only a mobile can take an SMS from a professional.
     */
    record Phone(String e164, boolean frenchMobile) implements ContactAddress {
    }

    /**
     * An email address as typed, and a corrected one when its domain looks like a slip on a common one
     * ("gmial.com" → "lea@gmail.com"), for the engine to check with the young person.
     */
    record Email(String address, Optional<String> suggestion) implements ContactAddress {
        public Email {
            java.util.Objects.requireNonNull(address, "address");
            java.util.Objects.requireNonNull(suggestion, "suggestion");
        }
    }
}
