package fr.boussole.app.logs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search that LogPrivacyIT runs over the log: if it missed a form of a number or an email, that
 * test would pass while the log leaks. Each case here fails when a common form is no longer found.
 */
class PersonalDataTest {

    final PersonalData data = new PersonalData().phone("+33612345678").email("Lea.Martin@example.org")
            .text("je cherche un apprentissage en boulangerie");

    @Test
    void a_mobile_number_is_found_in_every_common_form() {
        for (String form : new String[]{"+33612345678", "0612345678", "06 12 34 56 78", "06.12.34.56.78", "06-12-34-56-78",
                "33612345678", "+33 6 12 34 56 78", "+33 (0)6 12 34 56 78", "whatsapp:+33612345678", "To=%2B33612345678",
                "612345678", "06\u00a012\u00a034\u00a056\u00a078"}) {
            assertThat(data.foundIn("WARN sending to " + form + " failed")).as(form).isNotEmpty();
        }
    }

    @Test
    void an_email_is_found_in_any_case_and_url_encoded() {
        assertThat(data.foundIn("contact lea.martin@example.org")).isNotEmpty();
        assertThat(data.foundIn("contact LEA.MARTIN@EXAMPLE.ORG")).isNotEmpty();
        assertThat(data.foundIn("body=lea.martin%40example.org")).isNotEmpty();
        assertThat(data.foundIn("the local part lea.martin alone")).isNotEmpty();
    }

    @Test
    void a_message_text_is_found_plain_or_form_encoded() {
        assertThat(data.foundIn("parse error near 'Je cherche un apprentissage en boulangerie'")).isNotEmpty();
        assertThat(data.foundIn("Body=je+cherche+un+apprentissage+en+boulangerie")).isNotEmpty();
    }

    @Test
    void ids_dates_and_other_numbers_are_not_taken_for_the_number() {
        assertThat(data.foundIn("INFO outbox entry ob-4f2a9c61 sent at 2026-11-23T14:12:34.567Z, message SM612349999")).isEmpty();
        assertThat(data.foundIn("the description of the found data never repeats it")).isEmpty();
    }

    @Test
    void what_is_found_is_described_without_repeating_it() {
        assertThat(data.foundIn("to +33612345678")).singleElement().asString().doesNotContain("612345678").endsWith("…78");
    }
}
