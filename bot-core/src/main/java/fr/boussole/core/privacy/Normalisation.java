package fr.boussole.core.privacy;

import fr.boussole.core.message.Channel;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The form a value takes before it is hashed for lookup, so that the ways of writing one phone
 * number or one email give one key. Changing it changes every lookup key: it needs the re-hash
 * described in docs/privacy.md.
 */
final class Normalisation {

    private static final Pattern PHONE_CHARS = Pattern.compile("\\+?[0-9 .()\\-]{6,25}");

    private Normalisation() {}

    static String contact(String value) {
        String text = Normalizer.normalize(value, Normalizer.Form.NFC).strip();
        if (text.contains("@")) {
            return text.toLowerCase(Locale.ROOT);
        }
        return PHONE_CHARS.matcher(text).matches() ? phone(text) : text;
    }

    static String address(Channel channel, String address) {
        return switch (channel) {
            case SMS, WHATSAPP, EMAIL -> contact(address);
            case WEB, TELEGRAM -> address;
        };
    }

    /** E.164 when recognisable: +33 6..., 0033 6..., 06..., "+33 (0)6..." all give +336... */
    private static String phone(String text) {
        String digits = text.replaceAll("[^0-9]", "");
        if (text.startsWith("+")) {
            digits = "+" + digits;
        } else if (digits.startsWith("00")) {
            digits = "+" + digits.substring(2);
        } else if (digits.length() == 10 && digits.startsWith("0")) {
            digits = "+33" + digits.substring(1);
        }
        if (digits.startsWith("+330") && digits.length() == 13) {
            digits = "+33" + digits.substring(4);
        }
        return digits;
    }
}
