package fr.boussole.dialogs.language;

import fr.boussole.core.language.Intent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class IntentRulesTest {

    private static final FrenchUnderstanding UNDERSTANDING = FrenchUnderstanding.load();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "STOP|STOP", "stop|STOP", "Stop.|STOP", "arrêt|STOP",
            "aide|HELP", "AIDE|HELP", "?|HELP", "help|HELP",
            "oui|YES", "Ouiii|YES", "ok|YES", "👍|YES", "d'acc|YES",
            "non|NO", "nan|NO", "👎|NO",
            "retour|BACK", "menu|RESTART", "recommencer|RESTART",
            "effacer|ERASE", "plus|MORE", "suite|MORE",
            "jsp|DONT_KNOW", "je sais pas|DONT_KNOW",
            "bjr|GREETING", "slt|GREETING", "Bonjour !|GREETING",
    })
    void single_words_are_certain(String text, Intent intent) {
        assertThat(UNDERSTANDING.intentOf(text)).isEqualTo(intent);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "je veux plus recevoir vos sms|STOP",
            "pouvez-vous supprimer mes données svp|ERASE",
            "vous avez d'autres offres ?|MORE",
            "je me suis trompé|BACK",
            "je comprends rien|HELP",
    })
    void free_text_goes_to_the_model(String text, Intent intent) {
        assertThat(UNDERSTANDING.intentOf(text)).isEqualTo(intent);
    }

    @Test
    void answers_to_questions_are_no_command() {
        assertThat(UNDERSTANDING.intentOf("Cahors")).isEqualTo(Intent.OTHER);
        assertThat(UNDERSTANDING.intentOf("j'ai 19 ans")).isEqualTo(Intent.OTHER);
        assertThat(UNDERSTANDING.intentOf("")).isEqualTo(Intent.OTHER);
        assertThat(UNDERSTANDING.intentOf(null)).isEqualTo(Intent.OTHER);
        assertThat(UNDERSTANDING.intentOf("🙂")).isEqualTo(Intent.OTHER);
    }

    @Test
    void a_long_message_is_read_without_trouble() {
        assertThat(UNDERSTANDING.intentOf("bla ".repeat(3000))).isEqualTo(Intent.OTHER);
    }

    @Test
    void the_model_is_the_same_on_every_load() {
        FrenchUnderstanding other = FrenchUnderstanding.load();
        for (String text : new String[]{"je sais pas trop", "ça m'intéresse pas", "y en a d'autres", "wesh"}) {
            assertThat(other.intentOf(text)).isEqualTo(UNDERSTANDING.intentOf(text));
        }
    }
}
