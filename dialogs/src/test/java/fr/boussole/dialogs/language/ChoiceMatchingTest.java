package fr.boussole.dialogs.language;

import fr.boussole.core.message.Choice;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChoiceMatchingTest {

    private static final FrenchUnderstanding UNDERSTANDING = FrenchUnderstanding.load();
    private static final List<Choice> THEMES = List.of(
            new Choice("emploi", "Emploi"),
            new Choice("formation", "Formation"),
            new Choice("logement", "Logement"),
            new Choice("sante", "Santé"),
            new Choice("mobilite-internationale", "Mobilité internationale"));
    private static final List<Choice> SITUATIONS = List.of(
            new Choice("lyceen", "Je suis au lycée"),
            new Choice("etudiant", "Je suis étudiant"),
            new Choice("emploi", "J'ai un emploi"),
            new Choice("recherche", "Je cherche un emploi"),
            new Choice("autre", "Autre situation"));
    private static final List<Choice> YES_NO = List.of(new Choice("oui", "Oui"), new Choice("non", "Non"));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "emploi|emploi",
            "mobilite-internationale|mobilite-internationale",
            "Santé|sante",
            "sante|sante",
            "SANTE|sante",
            "2|formation",
            "le 2|formation",
            "2️⃣|formation",
            "2.|formation",
            "la 4|sante",
            "n°3|logement",
            "numéro 5|mobilite-internationale",
            "deuxième|formation",
            "le premier|emploi",
            "2e|formation",
            "3ème|logement",
            "cinq|mobilite-internationale",
            "logements|logement",
            "un logement|logement",
            "je cherche un logement|logement",
            "formaton|formation",
            "fromation|formation",
            "emplois|emploi",
            "mobilité|mobilite-internationale",
            "international|mobilite-internationale",
            "partir à l'international|mobilite-internationale",
            "la santé|sante",
    })
    void finds_the_theme_meant(String text, String id) {
        assertThat(UNDERSTANDING.choiceIn(text, THEMES)).get().extracting(Choice::id).isEqualTo(id);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "lycée|lyceen",
            "au lycée|lyceen",
            "étudiante|etudiant",
            "je suis etudiant|etudiant",
            "je cherche|recherche",
            "autre|autre",
            "4|recherche",
    })
    void finds_a_distinctive_word_of_a_longer_label(String text, String id) {
        assertThat(UNDERSTANDING.choiceIn(text, SITUATIONS)).get().extracting(Choice::id).isEqualTo(id);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {"oui|oui", "ouiii|oui", "ouais|oui", "Non|non", "nan|non", "non merci|non", "1|oui"})
    void reads_yes_and_no_as_labels(String text, String id) {
        assertThat(UNDERSTANDING.choiceIn(text, YES_NO)).get().extracting(Choice::id).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "6", "0", "le 9", "xyz", "je sais pas", "bonjour", "emploi ou formation",
            "🙂", "$where"})
    void answers_nothing_when_nothing_or_several_are_close(String text) {
        assertThat(UNDERSTANDING.choiceIn(text, THEMES)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"un emploi", "je suis"})
    void a_word_shared_by_two_labels_is_not_a_choice(String text) {
        assertThat(UNDERSTANDING.choiceIn(text, SITUATIONS)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void no_choice_offered_means_no_choice_found() {
        assertThat(UNDERSTANDING.choiceIn("1", List.of())).isEmpty();
        assertThat(UNDERSTANDING.choiceIn(null, THEMES)).isEmpty();
    }
}
