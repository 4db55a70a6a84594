package fr.boussole.core.journey;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ContactAddressesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "06 12 34 56 78 | +33612345678",
            "0612345678 | +33612345678",
            "07.98.76.54.32 | +33798765432",
            "+33 6 12 34 56 78 | +33612345678",
            "+33 (0)6 12 34 56 78 | +33612345678",
            "0033 7 11 22 33 44 | +33711223344",
            "06-12-34-56-78 | +33612345678"})
    void french_mobile_numbers_written_every_usual_way_are_read_as_e164(String typed, String e164) {
        assertThat(ContactAddresses.frenchMobile(typed)).contains(e164);
    }

    @ParameterizedTest
    @ValueSource(strings = {"01 23 45 67 89", "05 65 00 00 00", "06 12", "06123456789", "+44 7700 900123",
            "612345678", "téléphone", "06 12 34 56 7a", ""})
    void landlines_short_long_foreign_or_garbled_numbers_are_refused(String typed) {
        assertThat(ContactAddresses.frenchMobile(typed)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"camille@example.fr", "c.martin+boussole@mail.example.org", " moi@example.org "})
    void plausible_emails_are_accepted(String typed) {
        assertThat(ContactAddresses.email(typed)).contains(typed.strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"camille@", "camille@example", "@example.fr", "camille example.fr", "a@b.c", "moi @example.fr"})
    void incomplete_emails_are_refused(String typed) {
        assertThat(ContactAddresses.email(typed)).isEmpty();
    }
}
