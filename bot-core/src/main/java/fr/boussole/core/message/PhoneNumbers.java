package fr.boussole.core.message;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one reading of a phone number as people write it in France: {@code 06 12 34 56 78},
 * {@code +33 6…}, {@code 0033 6…}, {@code +33 (0)6…}, with spaces, dots, dashes or slashes, or any
 * international number in E.164. Used wherever a typed number must be recognised or matched: the
 * contact step, lookup keys, an animateur's access or erasure request.
 */
public final class PhoneNumbers {

    private static final Pattern WRITTEN = Pattern.compile("[+0-9 .()\\-/]{6,30}");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");
    private static final Pattern FRENCH_MOBILE = Pattern.compile("\\+33[67][0-9]{8}");

    private PhoneNumbers() {}

    /** Whether the text is made only of what a written phone number holds. */
    public static boolean looksLikeOne(String typed) {
        return typed != null && WRITTEN.matcher(typed.strip()).matches();
    }

    /** The number in E.164 form, or empty when the text is not a phone number. */
    public static Optional<String> e164(String typed) {
        if (!looksLikeOne(typed)) {
            return Optional.empty();
        }
        String text = typed.strip();
        String digits = text.replaceAll("[^0-9]", "");
        String e164;
        if (text.startsWith("+")) {
            e164 = "+" + digits;
        } else if (digits.startsWith("00")) {
            e164 = "+" + digits.substring(2);
        } else if (digits.startsWith("0") && digits.length() == 10) {
            e164 = "+33" + digits.substring(1);
        } else {
            return Optional.empty();
        }
        if (e164.startsWith("+330") && e164.length() == 13) {
            e164 = "+33" + e164.substring(4); // "+33 (0)6 …"
        }
        return E164.matcher(e164).matches() ? Optional.of(e164) : Optional.empty();
    }

    /**
     * A number as French people read it: {@code +33612345678} → {@code 06 12 34 56 78}; any other
     * number (another country, not E.164) as it is.
     */
    public static String display(String e164) {
        if (e164 == null || !e164.matches("\\+33[1-9][0-9]{8}")) {
            return e164;
        }
        String national = "0" + e164.substring(3);
        return String.join(" ", national.substring(0, 2), national.substring(2, 4), national.substring(4, 6),
                national.substring(6, 8), national.substring(8, 10));
    }

    /** A French mobile number (06, 07) in E.164: a professional's call or SMS must reach the young person. */
    public static Optional<String> frenchMobile(String typed) {
        return e164(typed).filter(number -> FRENCH_MOBILE.matcher(number).matches());
    }
}
