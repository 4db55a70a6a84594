package fr.boussole.console.questionnaires;

import fr.boussole.core.questionnaire.Question;

import java.util.LinkedHashMap;
import java.util.Map;

/** The answers of a question as the console names them: value id to label, yes-no answers by their ids. */
public final class AnswerLabels {

    private AnswerLabels() {}

    /** In the question's order; empty for a number, a text or a commune (any value goes). */
    public static Map<String, String> of(Question question) {
        Map<String, String> labels = new LinkedHashMap<>();
        switch (question) {
            case Question.SingleChoice single -> single.options().forEach(o -> labels.put(o.id(), o.label()));
            case Question.MultipleChoice multiple -> multiple.options().forEach(o -> labels.put(o.id(), o.label()));
            case Question.YesNo ignored -> {
                labels.put(Question.YesNo.YES, "oui");
                labels.put(Question.YesNo.NO, "non");
            }
            default -> { }
        }
        return labels;
    }
}
