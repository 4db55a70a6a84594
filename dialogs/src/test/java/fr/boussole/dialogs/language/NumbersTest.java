package fr.boussole.dialogs.language;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class NumbersTest {

    private static final FrenchUnderstanding UNDERSTANDING = FrenchUnderstanding.load();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "19|19",
            "19 ans|19",
            "19ans|19",
            "j'ai 17 ans|17",
            "J'AI 17 ANS !|17",
            "dix-neuf ans|19",
            "dix neuf|19",
            "Dix-Sept|17",
            "quinze|15",
            "seize ans|16",
            "vingt et un|21",
            "vingt-et-un ans|21",
            "vingt deux|22",
            "trente|30",
            "soixante-dix|70",
            "soixante et onze|71",
            "quatre-vingts|80",
            "quatre-vingt-dix-sept|97",
            "septante|70",
            "nonante-neuf|99",
            "cent vingt|120",
            "deux cents|200",
            "mille neuf cent quatre-vingt-dix-neuf|1999",
            "un|1",
            "zéro|0",
            "j'ai un enfant de 3 ans|3",
            "j'ai dix-huit ans et demi|18",
            "entre 18 et 20|18",
            "18/19|18",
            "j'ai vingt ans|20",
            "chui née en 2008|2008",
    })
    void reads_numbers_in_digits_and_words(String text, int number) {
        assertThat(UNDERSTANDING.numberIn(text)).hasValue(number);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "bonjour", "je sais pas", "majeur", "0612345678901", "🙂"})
    void finds_no_number_where_there_is_none(String text) {
        assertThat(UNDERSTANDING.numberIn(text)).isEmpty();
    }
}
