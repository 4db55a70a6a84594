package fr.boussole.dialogs.language;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class FrenchNormaliserTest {

    private static final FrenchUnderstanding UNDERSTANDING = FrenchUnderstanding.load();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Santé|sante",
            "  MOBILITÉ   Internationale ! |mobilite internationale",
            "Ouiii|oui",
            "NOOON|non",
            "ouais|oui",
            "slt|salut",
            "Bjr!|bonjour",
            "oui stp|oui s il te plait",
            "jsp|je sais pas",
            "chui perdu|je suis perdu",
            "d'acc|d accord",
            "dacc|d accord",
            "OK 👍|ok oui",
            "St Céré|saint cere",
            "J'ai 17 ans.|j ai 17 ans",
            "Cœur|coeur",
            "c'est où ?|c est ou",
            "😡|''",
    })
    void normal_form(String text, String normal) {
        assertThat(UNDERSTANDING.normalise(text)).isEqualTo(normal);
    }
}
