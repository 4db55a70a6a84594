package fr.boussole.dialogs.language;

import fr.boussole.core.language.Intent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * STOP ends every message to the young person and ERASE deletes their data: sentences that only mention stopping
 * or deleting something else must not be read as either. None of these sentences is in the training set.
 */
class EndingIntentsTest {

    private static final FrenchUnderstanding UNDERSTANDING = FrenchUnderstanding.load();

    @ParameterizedTest
    @ValueSource(strings = {
            "j'ai arrêté le lycée l'an dernier",
            "je voudrais arrêter de boire",
            "mon contrat s'arrête en juin",
            "j'ai supprimé mon compte caf par erreur",
            "la mission locale a effacé mon dossier",
            "le train s'arrête à Cahors ?",
            "j'ai fini mon apprentissage",
            "au revoir et merci",
            "je cherche un job, j'ai quitté la fac",
            "est-ce que vous gardez mon numéro ?",
    })
    void talking_about_stopping_or_deleting_something_else_is_neither_stop_nor_erase(String text) {
        assertThat(UNDERSTANDING.intentOf(text)).isNotIn(Intent.STOP, Intent.ERASE);
    }
}
