package fr.boussole.core.privacy;

import fr.boussole.core.message.Channel;
import fr.boussole.core.message.PhoneNumbers;
import java.text.Normalizer;
import java.util.Locale;

/**
 * The form a value takes before it is hashed for lookup, so that the ways of writing one phone
 * number or one email give one key. Changing it changes every lookup key: it needs the re-hash
 * described in docs/privacy.md.
 */
final class Normalisation {

    private Normalisation() {}

    static String contact(String value) {
        String text = Normalizer.normalize(value, Normalizer.Form.NFC).strip();
        if (text.contains("@")) {
            return text.toLowerCase(Locale.ROOT);
        }
        // a number we cannot read keeps its digits: two writings of it still meet
        return PhoneNumbers.looksLikeOne(text)
                ? PhoneNumbers.e164(text).orElseGet(() -> (text.startsWith("+") ? "+" : "") + text.replaceAll("[^0-9]", ""))
                : text;
    }

    static String address(Channel channel, String address) {
        return switch (channel) {
            case SMS, WHATSAPP, EMAIL -> contact(address);
            case WEB, TELEGRAM -> address;
        };
    }
}
