package fr.boussole.core.questionnaire;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class QuestionnaireTest {

    private static final Step SITUATION = new Step("situation", "?", null,
            new Question.SingleChoice(List.of(new Option("sans-logement", "a"), new Option("chez-parents", "b"))), null);
    private static final Step TONIGHT = new Step("abri-ce-soir", "?", null, new Question.YesNo(),
            new Condition(Map.of("situation", Set.of("sans-logement")), Map.of()));
    private static final Step BUDGET = new Step("budget", "?", null, new Question.Number(0, 3000, "€"),
            new Condition(Map.of(), Map.of("situation", Set.of("sans-logement"))));
    private static final Step RESOURCES = new Step("ressources", "?", null, new Question.YesNo(), null);
    private static final Questionnaire HOUSING = new Questionnaire("logement", 1, "logement",
            List.of(SITUATION, TONIGHT, BUDGET, RESOURCES));

    @Test
    void a_when_condition_adds_a_step_for_the_answers_it_lists() {
        var answers = Map.of("situation", List.of("sans-logement"));
        assertThat(HOUSING.after("situation", answers)).contains(TONIGHT);
        assertThat(HOUSING.after("abri-ce-soir", answers)).contains(RESOURCES);
    }

    @Test
    void an_unless_condition_skips_a_step_for_the_answers_it_lists() {
        var answers = Map.of("situation", List.of("chez-parents"));
        assertThat(HOUSING.after("situation", answers)).contains(BUDGET);
    }

    @Test
    void a_skipped_question_satisfies_no_when_and_triggers_no_unless() {
        Map<String, List<String>> none = Map.of();
        assertThat(HOUSING.active(TONIGHT, none)).isFalse();
        assertThat(HOUSING.active(BUDGET, none)).isTrue();
    }

    @Test
    void the_questionnaire_ends_after_its_last_active_step() {
        assertThat(HOUSING.after("ressources", Map.of())).isEmpty();
        assertThat(HOUSING.first(Map.of())).contains(SITUATION);
    }
}
