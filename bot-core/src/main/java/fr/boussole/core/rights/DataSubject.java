package fr.boussole.core.rights;

import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.message.PhoneNumbers;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** The person an access or erasure request is about. */
public sealed interface DataSubject {

    /** A phone number in E.164 form ({@code +33612345678}). */
    record Phone(String e164) implements DataSubject {
        public Phone {
            if (e164 == null || !E164.matcher(e164).matches()) {
                throw new IllegalArgumentException("not an E.164 phone number");
            }
        }
    }

    /** An email address, lower-cased. */
    record Email(String address) implements DataSubject {
        public Email {
            if (address == null || !EMAIL.matcher(address).matches()) {
                throw new IllegalArgumentException("not an email address");
            }
            address = address.toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The young person writing in one conversation, who asked by message (rank {@code throughMessage})
     * to be forgotten: what came up to that message goes, the conversation itself goes on (the bot
     * answers that very message).
     */
    record Writer(ConversationKey conversation, long throughMessage) implements DataSubject {
        public Writer {
            Objects.requireNonNull(conversation, "conversation");
        }
    }

    /**
     * A conversation past its retention: it goes entirely, unless a message came after
     * {@code lastActiveBefore} (then it is no longer idle and stays).
     */
    record Idle(ConversationKey conversation, java.time.Instant lastActiveBefore) implements DataSubject {
        public Idle {
            Objects.requireNonNull(conversation, "conversation");
            Objects.requireNonNull(lastActiveBefore, "lastActiveBefore");
        }
    }

    /** A person known by their phone or email (everything about them), rather than one conversation. */
    default boolean isPerson() {
        return this instanceof Phone || this instanceof Email;
    }

    Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");
    Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

    /**
     * What an animateur types, as a subject: an email address, or a phone number written the French
     * way ({@code 06 12 34 56 78}, {@code +33 6…}, {@code 0033 6…}) or in international form.
     * Empty when it is neither.
     */
    static Optional<DataSubject> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String text = typed.strip();
        if (text.length() > 254) {
            return Optional.empty();
        }
        if (text.contains("@")) {
            return EMAIL.matcher(text).matches() ? Optional.of(new Email(text)) : Optional.empty();
        }
        return PhoneNumbers.e164(text).map(Phone::new);
    }
}
