package fr.boussole.dialogs.questionnaire;

import fr.boussole.core.questionnaire.Question;
import fr.boussole.core.questionnaire.Questionnaire;
import fr.boussole.core.questionnaire.QuestionnaireException;
import fr.boussole.core.questionnaire.Questionnaires;
import org.junit.jupiter.api.Test;

import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuestionnaireLoaderTest {

    @Test
    void the_five_bundled_questionnaires_load_with_four_to_eight_questions_each() {
        Questionnaires all = QuestionnaireLoader.bundled();
        for (String theme : QuestionnaireLoader.BUNDLED_THEMES) {
            Questionnaire questionnaire = all.forTheme(theme).orElseThrow();
            assertThat(questionnaire.id()).isEqualTo(theme);
            assertThat(questionnaire.version()).isPositive();
            assertThat(questionnaire.steps()).hasSizeBetween(4, 8);
        }
    }

    @Test
    void every_type_of_question_is_read() {
        Questionnaire q = read("""
                id: essai
                version: 2
                theme: emploi
                steps:
                  - {id: a, type: single, text: "A ?", options: [{id: x, label: X}, {id: y, label: Y}]}
                  - {id: b, type: multiple, text: "B ?", options: [{id: x, label: X}, {id: y, label: Y}]}
                  - {id: c, type: number, text: "C ?", min: 0, max: 10, unit: "€"}
                  - {id: d, type: yes-no, text: "D ?", when: {a: [x]}, unless: {b: [y]}}
                  - {id: e, type: text, text: "E ?", max: 40}
                  - {id: f, type: commune, text: "F ?", help: "Aide"}
                """);
        assertThat(q.steps()).extracting(s -> s.question().getClass().getSimpleName())
                .containsExactly("SingleChoice", "MultipleChoice", "Number", "YesNo", "FreeText", "CommuneQuestion");
        assertThat(q.steps().get(2).question()).isEqualTo(new Question.Number(0, 10, "€"));
        assertThat(q.steps().get(4).question()).isEqualTo(new Question.FreeText(40));
        assertThat(q.steps().get(5).help()).isEqualTo("Aide");
        assertThat(q.version()).isEqualTo(2);
    }

    @Test
    void an_unknown_step_type_is_refused_naming_the_file_and_the_step() {
        assertThatThrownBy(() -> read(header() + "  - {id: a, type: slider, text: \"A ?\"}\n"))
                .isInstanceOf(QuestionnaireException.class)
                .hasMessageContaining("essai.yaml").hasMessageContaining("step 'a'").hasMessageContaining("unknown type 'slider'");
    }

    @Test
    void a_condition_on_a_question_not_asked_before_is_refused() {
        assertThatThrownBy(() -> read(header()
                + "  - {id: a, type: yes-no, text: \"A ?\", when: {b: [oui]}}\n"
                + "  - {id: b, type: yes-no, text: \"B ?\"}\n"))
                .isInstanceOf(QuestionnaireException.class)
                .hasMessageContaining("step 'a'").hasMessageContaining("'when' refers to 'b'");
    }

    @Test
    void a_condition_on_a_value_the_question_does_not_have_is_refused() {
        assertThatThrownBy(() -> read(header()
                + "  - {id: a, type: yes-no, text: \"A ?\"}\n"
                + "  - {id: b, type: yes-no, text: \"B ?\", unless: {a: [peut-etre]}}\n"))
                .isInstanceOf(QuestionnaireException.class)
                .hasMessageContaining("step 'b'").hasMessageContaining("value 'peut-etre'");
    }

    @Test
    void duplicate_ids_bad_ids_and_missing_fields_are_refused() {
        assertThatThrownBy(() -> read(header() + "  - {id: a, type: yes-no, text: \"A ?\"}\n  - {id: a, type: yes-no, text: \"B ?\"}\n"))
                .hasMessageContaining("used twice");
        assertThatThrownBy(() -> read(header() + "  - {id: Situation, type: yes-no, text: \"A ?\"}\n"))
                .hasMessageContaining("lower-case");
        assertThatThrownBy(() -> read(header() + "  - {id: a, type: single, text: \"A ?\", options: [{id: x, label: X}]}\n"))
                .hasMessageContaining("at least two 'options'");
        assertThatThrownBy(() -> read(header() + "  - {id: a, type: number, text: \"A ?\", min: 5}\n"))
                .hasMessageContaining("'min' and 'max'");
        assertThatThrownBy(() -> read(header() + "  - {id: a, type: yes-no}\n"))
                .hasMessageContaining("'text'");
        assertThatThrownBy(() -> read("id: essai\ntheme: emploi\nsteps: []\n"))
                .hasMessageContaining("'version'");
    }

    private static String header() {
        return "id: essai\nversion: 1\ntheme: emploi\nsteps:\n";
    }

    private static Questionnaire read(String yaml) {
        return QuestionnaireLoader.read("essai.yaml", new StringReader(yaml));
    }
}
