package fr.boussole.core.message;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one reading of a phone number as people write it in France: {@code 06 12 34 56 78},
 * {@code +33 6…}, {@code 0033 6…}, {@code +33 (0)6…}, with spaces, dots, dashes or slashes, a number
 * of an overseas department in its national form ({@code 0692 12 34 56} is La Réunion's
 * {@code +262 692…}), or any international number. Used wherever a typed number must be recognised or
 * matched (the contact step, lookup keys, an animateur's access or erasure request) and shown to a
 * professional.
 *
 * <p>Parsing and formatting are libphonenumber's, the one library bot-core uses besides the JDK (plain
 * Java, no dependency, deterministic: its metadata is inside its jar); its types stay in this class.
 * Acceptance is by shape, not by allocation: a French number is nine digits after the 0 and a French
 * mobile starts with 6 or 7, as people and test data write them, even in ranges not yet allocated
 * (libphonenumber's validity check refuses {@code 07 12…}).
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil LIBRARY = PhoneNumberUtil.getInstance();
    private static final Pattern WRITTEN = Pattern.compile("[+0-9 .()\\-/]{6,30}");
    private static final Pattern FRENCH = Pattern.compile("[1-9][0-9]{8}");
    private static final Pattern FRENCH_MOBILE = Pattern.compile("[67][0-9]{8}");
    private static final int FRANCE = 33;
    /** Overseas departments and collectivities whose numbers are dialled from France with a 0, as at home. */
    private static final List<String> OVERSEAS = List.of("RE", "YT", "GP", "MQ", "GF", "PM");

    private PhoneNumbers() {}

    /** Whether the text is made only of what a written phone number holds. */
    public static boolean looksLikeOne(String typed) {
        return typed != null && WRITTEN.matcher(typed.strip()).matches();
    }

    /** The number in E.164 form, or empty when the text is not a phone number. */
    public static Optional<String> e164(String typed) {
        return read(typed).map(number -> LIBRARY.format(number, PhoneNumberFormat.E164));
    }

    /**
     * A French mobile number in E.164, empty for a landline or a foreign number: a professional's call
     * or SMS must reach the young person. Mobiles of the overseas departments count.
     */
    public static Optional<String> frenchMobile(String typed) {
        return read(typed).filter(PhoneNumbers::frenchMobile).map(number -> LIBRARY.format(number, PhoneNumberFormat.E164));
    }

    /**
     * A number as people read and dial it from France, for the young person's confirmation and the
     * professional's request page: a French number in its national form ({@code +33612345678} →
     * {@code 06 12 34 56 78}), any other in its international form ({@code +262 692 12 34 56}); an
     * address that is not a phone number (an email) as it is.
     */
    public static String display(String address) {
        if (address == null) {
            return null;
        }
        return read(address)
                .map(number -> LIBRARY.format(number, number.getCountryCode() == FRANCE
                        ? PhoneNumberFormat.NATIONAL : PhoneNumberFormat.INTERNATIONAL))
                .orElse(address);
    }

    private static Optional<PhoneNumber> read(String typed) {
        if (!looksLikeOne(typed)) {
            return Optional.empty();
        }
        String text = typed.strip();
        String digits = text.replaceAll("[^0-9]", "");
        boolean international = text.startsWith("+") || digits.startsWith("00");
        if (!international && !digits.startsWith("0")) {
            return Optional.empty(); // "6 12 34 56 78" without its 0 is not read as a number
        }
        try {
            PhoneNumber number = LIBRARY.parse(text, "FR");
            if (!international && !LIBRARY.isValidNumberForRegion(number, "FR")) {
                number = overseas(text).orElse(number);
            }
            return plausible(number) ? Optional.of(number) : Optional.empty();
        } catch (NumberParseException notANumber) {
            return Optional.empty();
        }
    }

    /** The number of the one overseas department where the national form is a valid number. */
    private static Optional<PhoneNumber> overseas(String text) {
        for (String region : OVERSEAS) {
            try {
                PhoneNumber number = LIBRARY.parse(text, region);
                if (LIBRARY.isValidNumberForRegion(number, region)) {
                    return Optional.of(number);
                }
            } catch (NumberParseException notThere) {
                // tried in the next region
            }
        }
        return Optional.empty();
    }

    private static boolean plausible(PhoneNumber number) {
        return number.getCountryCode() == FRANCE
                ? FRENCH.matcher(LIBRARY.getNationalSignificantNumber(number)).matches()
                : LIBRARY.isPossibleNumber(number);
    }

    private static boolean frenchMobile(PhoneNumber number) {
        if (number.getCountryCode() == FRANCE) {
            return FRENCH_MOBILE.matcher(LIBRARY.getNationalSignificantNumber(number)).matches();
        }
        String region = LIBRARY.getRegionCodeForNumber(number); // null for a range no region holds
        return region != null && OVERSEAS.contains(region) && LIBRARY.getNumberType(number) == PhoneNumberType.MOBILE;
    }
}
