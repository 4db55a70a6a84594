package fr.boussole.core.questionnaire;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.boussole.core.questionnaire.QuestionnaireProblem.Kind.BAD_ID;
import static fr.boussole.core.questionnaire.QuestionnaireProblem.Kind.CONDITION_LATER_QUESTION;
import static fr.boussole.core.questionnaire.QuestionnaireProblem.Kind.CONDITION_NO_VALUE;
import static fr.boussole.core.questionnaire.QuestionnaireProblem.Kind.CONDITION_UNKNOWN_QUESTION;
import static fr.boussole.core.questionnaire.QuestionnaireProblem.Kind.CONDITION_UNKNOWN_VALUE;
import static fr.boussole.core.questionnaire.QuestionnaireProblem.Kind.NO_STEP;
import static fr.boussole.core.questionnaire.QuestionnaireProblem.Kind.OPTION_ID_TWICE;
import static fr.boussole.core.questionnaire.QuestionnaireProblem.Kind.STEP_ID_TWICE;
import static fr.boussole.core.questionnaire.QuestionnaireProblem.Kind.TEXT_TOO_LONG;
import static fr.boussole.core.questionnaire.QuestionnaireProblem.Kind.TOO_FEW_OPTIONS;
import static org.assertj.core.api.Assertions.assertThat;

/** Whoever writes a questionnaire, these are refused; all of them are listed, not only the first. */
class QuestionnaireRulesTest {

    private static final Step SITUATION = new Step("situation", "Tu fais quoi ?", null, new Question.SingleChoice(List.of(
            new Option("etudiant", "Études"), new Option("salarie", "Je travaille"))), null);

    @Test
    void a_sound_questionnaire_has_no_problem() {
        Step licence = new Step("permis-b", "Permis ?", null, new Question.YesNo(),
                new Condition(Map.of("situation", Set.of("salarie")), Map.of()));
        assertThat(QuestionnaireRules.check(questionnaire(SITUATION, licence))).isEmpty();
    }

    @Test
    void a_condition_must_name_an_earlier_question_and_one_of_its_values() {
        Step onLater = step("a", new Condition(Map.of("b", Set.of("oui")), Map.of()));
        Step b = step("b", null);
        Step onNothing = step("c", new Condition(Map.of(), Map.of("inconnue", Set.of("oui"))));
        Step onBadValue = step("d", new Condition(Map.of("situation", Set.of("salarie", "retraite")), Map.of()));
        Step onNoValue = step("e", new Condition(Map.of("b", Set.of()), Map.of()));
        var problems = QuestionnaireRules.check(questionnaire(SITUATION, onLater, b, onNothing, onBadValue, onNoValue));
        assertThat(problems).containsExactly(
                new QuestionnaireProblem("a", CONDITION_LATER_QUESTION, List.of("when", "b")),
                new QuestionnaireProblem("c", CONDITION_UNKNOWN_QUESTION, List.of("unless", "inconnue")),
                new QuestionnaireProblem("d", CONDITION_UNKNOWN_VALUE, List.of("when", "situation", "retraite")),
                new QuestionnaireProblem("e", CONDITION_NO_VALUE, List.of("when", "b")));
    }

    @Test
    void ids_are_unique_and_spelled_as_ids() {
        Step twice = new Step("situation", "Encore ?", null, new Question.YesNo(), null);
        Step badOptions = new Step("Type", "Quoi ?", null, new Question.MultipleChoice(List.of(
                new Option("a", "A"), new Option("a", "A bis"), new Option("B c", "B"))), null);
        assertThat(QuestionnaireRules.check(questionnaire(SITUATION, twice, badOptions))).extracting(QuestionnaireProblem::kind)
                .containsExactly(STEP_ID_TWICE, BAD_ID, OPTION_ID_TWICE, BAD_ID);
    }

    @Test
    void a_choice_needs_two_options_and_texts_fit_in_two_sms() {
        Step one = new Step("seule", "x".repeat(QuestionnaireRules.MAX_TEXT + 1), null,
                new Question.SingleChoice(List.of(new Option("a", "A"))), null);
        assertThat(QuestionnaireRules.check(questionnaire(one))).containsExactly(
                new QuestionnaireProblem("seule", TEXT_TOO_LONG, List.of("text", "307", "306")),
                new QuestionnaireProblem("seule", TOO_FEW_OPTIONS, List.of()));
        assertThat(QuestionnaireRules.check(questionnaire())).extracting(QuestionnaireProblem::kind).containsExactly(NO_STEP);
    }

    @Test
    void problems_read_in_english_for_whoever_edits_a_file() {
        assertThat(new QuestionnaireProblem("d", CONDITION_UNKNOWN_VALUE, List.of("when", "situation", "retraite")).describe())
                .isEqualTo("step 'd': 'when' on 'situation' names value 'retraite', which that question does not have");
    }

    private static Step step(String id, Condition condition) {
        return new Step(id, id + " ?", null, new Question.YesNo(), condition);
    }

    private static Questionnaire questionnaire(Step... steps) {
        return new Questionnaire("emploi", 1, "emploi", List.of(steps));
    }
}
