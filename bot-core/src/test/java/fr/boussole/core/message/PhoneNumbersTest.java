package fr.boussole.core.message;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "06 12 34 56 78 | +33612345678",
            "(06) 12 34 56 78 | +33612345678",
            "06/12/34/56/78 | +33612345678",
            "+33 (0)6 12 34 56 78 | +33612345678",
            "+330612345678 | +33612345678",
            "00 33 6 12 34 56 78 | +33612345678",
            "07 12 34 56 78 | +33712345678",
            "01 23 45 67 89 | +33123456789",
            "+44 7911 123456 | +447911123456",
            "0041 79 123 45 67 | +41791234567",
            "+262 692 12 34 56 | +262692123456"})
    void numbers_as_people_write_them_are_read_in_e164(String typed, String e164) {
        assertThat(PhoneNumbers.e164(typed)).contains(e164);
    }

    /** Failed before libphonenumber: 0692… became +33 692…, a number no SMS reaches. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0692 12 34 56 | +262692123456",
            "06 39 01 23 45 | +262639012345",
            "0690 12 34 56 | +590690123456",
            "0696 12 34 56 | +596696123456",
            "0694 12 34 56 | +594694123456"})
    void overseas_numbers_in_their_national_form_get_their_own_country_code(String typed, String e164) {
        assertThat(PhoneNumbers.e164(typed)).contains(e164);
        assertThat(PhoneNumbers.frenchMobile(typed)).contains(e164);
    }

    /** "+33 6 12 34 56 78 9" and "+999…" were read as numbers before: one digit too many, no such country. */
    @ParameterizedTest
    @ValueSource(strings = {"+33 6 12 34 56 78 9", "+999 1234 5678", "06 12 34 56 7", "612345678", "123456",
            "12 34 56 78 90", "06 12 34 56 7a", "", "téléphone"})
    void what_is_no_phone_number_is_refused(String typed) {
        assertThat(PhoneNumbers.e164(typed)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"01 23 45 67 89", "+44 7911 123456", "+32 470 12 34 56"})
    void landlines_and_foreign_mobiles_are_no_french_mobiles(String typed) {
        assertThat(PhoneNumbers.e164(typed)).isPresent();
        assertThat(PhoneNumbers.frenchMobile(typed)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "+33612345678 | 06 12 34 56 78",
            "+33123456789 | 01 23 45 67 89",
            "+262692123456 | +262 692 12 34 56",
            "+447911123456 | +44 7911 123456",
            "camille@example.fr | camille@example.fr"})
    void an_address_is_shown_as_it_is_dialled_from_france(String stored, String shown) {
        assertThat(PhoneNumbers.display(stored)).isEqualTo(shown);
    }
}
