package fr.boussole.console.questionnaires;

import fr.boussole.core.questionnaire.Option;
import fr.boussole.core.questionnaire.Question;
import fr.boussole.core.questionnaire.Questionnaire;
import fr.boussole.core.questionnaire.Step;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A question as the draft and version pages show it: its number, wording, kind, choices and, in
 * words, when it is asked ("seulement si « Tu fais quoi ? » : Lycée ou Collège").
 */
record StepView(int number, Step step, String type, List<Option> options, List<ConditionView> conditions) {

    /** One part of a condition: only when / unless the earlier question got one of these answers. */
    record ConditionView(boolean when, String questionId, String questionText, List<String> answers) {}

    static List<StepView> of(Questionnaire questionnaire) {
        List<StepView> views = new ArrayList<>();
        for (int i = 0; i < questionnaire.steps().size(); i++) {
            Step step = questionnaire.steps().get(i);
            List<ConditionView> conditions = new ArrayList<>();
            step.condition().when().forEach((q, v) -> conditions.add(condition(true, q, v, questionnaire)));
            step.condition().unless().forEach((q, v) -> conditions.add(condition(false, q, v, questionnaire)));
            conditions.sort(java.util.Comparator.comparing(ConditionView::questionId));
            views.add(new StepView(i + 1, step, QuestionForms.type(step.question()), QuestionForms.options(step.question()),
                    conditions));
        }
        return views;
    }

    private static ConditionView condition(boolean when, String questionId, Set<String> values, Questionnaire questionnaire) {
        Step asked = questionnaire.step(questionId).orElse(null);
        List<String> answers = new ArrayList<>();
        if (asked == null) {
            answers.addAll(values);
        } else {
            Map<String, String> labels = AnswerLabels.of(asked.question());
            labels.forEach((id, label) -> { if (values.contains(id)) answers.add(label); });
            values.stream().filter(v -> !labels.containsKey(v)).sorted().forEach(answers::add);
        }
        return new ConditionView(when, questionId, asked == null ? questionId : asked.text(), answers);
    }
}
