package fr.boussole.core.delivery;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Fails when a masked address shows more than its ends, i.e. when the console could leak a number or an email. */
class RecipientMaskTest {

    @Test
    void a_french_mobile_shows_its_prefix_and_last_two_digits() {
        assertThat(RecipientMask.of("+33612345678")).isEqualTo("+33 6 •• •• •• 78");
        assertThat(RecipientMask.of("whatsapp:+33712345699")).isEqualTo("+33 7 •• •• •• 99");
    }

    @Test
    void a_foreign_number_shows_its_first_digits_and_last_two() {
        assertThat(RecipientMask.of("+14155238886")).isEqualTo("+14 •••• 86");
    }

    @Test
    void an_email_shows_its_first_letter_and_domain() {
        assertThat(RecipientMask.of("jeanne.martin@example.fr")).isEqualTo("j•••@example.fr");
    }

    @Test
    void a_telegram_chat_shows_its_last_two_digits() {
        assertThat(RecipientMask.of("700111222")).isEqualTo("••••22");
    }

    @Test
    void anything_else_shows_nothing() {
        assertThat(RecipientMask.of("web-session-123abc")).isEqualTo("••••");
        assertThat(RecipientMask.of("erased")).isEqualTo("••••");
        assertThat(RecipientMask.of(null)).isEqualTo("••••");
    }

    @Test
    void an_error_text_keeps_its_codes_but_not_the_addresses_it_quotes() {
        assertThat(RecipientMask.scrub("twilio 400 error 21211: The 'To' number +33 6 12 34 56 78 is not valid"))
                .isEqualTo("twilio 400 error 21211: The 'To' number •••• is not valid");
        assertThat(RecipientMask.scrub("550 mailbox jeanne@example.fr unknown")).isEqualTo("550 mailbox j•••@example.fr unknown");
        assertThat(RecipientMask.scrub("Telegram 400: chat 700111222 not found")).isEqualTo("Telegram 400: chat •••• not found");
        assertThat(RecipientMask.scrub(null)).isNull();
    }
}
