package fr.boussole.dialogs.questionnaire;

import fr.boussole.core.questionnaire.Condition;
import fr.boussole.core.questionnaire.Option;
import fr.boussole.core.questionnaire.Question;
import fr.boussole.core.questionnaire.Questionnaire;
import fr.boussole.core.questionnaire.QuestionnaireException;
import fr.boussole.core.questionnaire.Step;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A territory's versions are stored as YAML: what is written must read back as the same questionnaire. */
class YamlQuestionnairesTest {

    private final YamlQuestionnaires format = new YamlQuestionnaires();

    @Test
    void every_bundled_questionnaire_reads_back_equal_from_what_is_written() {
        for (String theme : QuestionnaireLoader.BUNDLED_THEMES) {
            Questionnaire bundled = QuestionnaireLoader.bundled().forTheme(theme).orElseThrow();
            String written = format.write(bundled);
            assertThat(format.read(theme, written)).as(theme).isEqualTo(bundled);
            assertThat(format.write(format.read(theme, written))).as("writing is stable").isEqualTo(written);
        }
    }

    @Test
    void texts_with_quotes_backslashes_line_breaks_and_yaml_signs_survive() {
        String tricky = "Tu as \"18 ans\" ? C:\\dossier # pas un commentaire\nligne 2 \t: [x] {y} & *z ! % @ ` 👍 é";
        Questionnaire questionnaire = new Questionnaire("emploi@te_lot", 3, "emploi", List.of(
                new Step("a", tricky, "- aide: « oui »", new Question.SingleChoice(List.of(
                        new Option("x", "'simple' et \"double\"", List.of("yes", "null", "#1")),
                        new Option("y", "Y", List.of(), true))), null),
                new Step("b", "Combien ?", null, new Question.Number(0, 3000, "€ / mois"),
                        new Condition(Map.of("a", Set.of("y", "x")), Map.of())),
                new Step("c", "Où ?", null, new Question.FreeText(80),
                        new Condition(Map.of(), Map.of("a", Set.of("x"))))));
        String written = format.write(questionnaire);
        assertThat(format.read("essai", written)).isEqualTo(questionnaire);
        assertThat(written).contains("id: \"emploi@te_lot\"").contains("when: {a: [x, y]}")
                .contains("{id: y, label: \"Y\", urgent: true}");
    }

    @Test
    void ids_yaml_would_read_as_booleans_numbers_or_dates_are_quoted() {
        Questionnaire questionnaire = new Questionnaire("essai", 1, "emploi", List.of(
                new Step("on", "A ?", null, new Question.SingleChoice(List.of(
                        new Option("no", "Non"), new Option("2026-01-01", "Date"), new Option("0123", "Zéro"))), null)));
        String written = format.write(questionnaire);
        assertThat(written).contains("id: \"on\"").contains("{id: \"no\",").contains("{id: \"2026-01-01\",");
        assertThat(format.read("essai", written)).isEqualTo(questionnaire);
    }

    @Test
    void reading_checks_the_rules_like_the_bundled_files() {
        String broken = """
                id: emploi@te_lot
                version: 2
                theme: emploi
                steps:
                  - {id: a, type: yes-no, text: "A ?", when: {b: [oui]}}
                  - {id: b, type: yes-no, text: "B ?"}
                """;
        assertThatThrownBy(() -> format.read("emploi@te_lot v2", broken))
                .isInstanceOf(QuestionnaireException.class)
                .hasMessageContaining("emploi@te_lot v2").hasMessageContaining("step 'a'");
    }
}
