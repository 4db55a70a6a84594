package fr.boussole.dialogs.fuzz;

import fr.boussole.dialogs.language.FrenchUnderstanding;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule for long texts (docs/robustness.md): SMS, WhatsApp and Telegram can bring up to 4,096
 * characters; the engine reads the first 2,000 and ignores the rest, quickly and without error. Fails
 * when the cut is removed (a 5,000-character text would be read whole) or moved.
 */
class LongTextRuleTest {

    private static final FrenchUnderstanding UNDERSTANDING = FrenchUnderstanding.load();

    @Test
    void a_5000_character_text_is_read_up_to_its_2000th_character() {
        String filler = " bla".repeat(1_250); // 5,000 characters
        assertThat(UNDERSTANDING.numberIn("19" + filler)).hasValue(19);
        assertThat(UNDERSTANDING.numberIn("x".repeat(1_990) + " 19 " + filler)).as("within the first 2,000").hasValue(19);
        assertThat(UNDERSTANDING.numberIn("x".repeat(2_000) + " 19 " + filler)).as("beyond the first 2,000").isEmpty();
    }
}
