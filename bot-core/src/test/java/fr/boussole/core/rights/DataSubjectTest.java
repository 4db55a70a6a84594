package fr.boussole.core.rights;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What an animateur types becomes the subject the store knows (E.164, lower-case email), or nothing. */
class DataSubjectTest {

    @ParameterizedTest
    @ValueSource(strings = {"06 12 34 56 78", "0612345678", "06.12.34.56.78", "+33 6 12 34 56 78", "+33 (0)6 12 34 56 78",
            "0033 6 12 34 56 78", " +33612345678 "})
    void french_ways_of_writing_a_number_give_its_e164_form(String typed) {
        assertThat(DataSubject.parse(typed)).contains(new DataSubject.Phone("+33612345678"));
    }

    @Test
    void an_international_number_is_kept_as_written() {
        assertThat(DataSubject.parse("+44 7700 900123")).contains(new DataSubject.Phone("+447700900123"));
    }

    @Test
    void an_email_is_lower_cased() {
        assertThat(DataSubject.parse(" Lea.Martin@Example.ORG ")).contains(new DataSubject.Email("lea.martin@example.org"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "bonjour", "12", "612345678", "lea@", "@example.org", "{\"$gt\": \"\"}", "06 12 34"})
    void anything_else_is_refused(String typed) {
        assertThat(DataSubject.parse(typed)).isEmpty();
    }

    @Test
    void null_and_very_long_input_are_refused() {
        assertThat(DataSubject.parse(null)).isEmpty();
        assertThat(DataSubject.parse("a".repeat(300) + "@example.org")).isEmpty();
    }
}
