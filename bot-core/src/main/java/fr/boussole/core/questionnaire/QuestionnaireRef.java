package fr.boussole.core.questionnaire;

import java.util.Objects;

/**
 * Which questionnaire, in which version: what a journey records when its theme is chosen (so that it
 * finishes on that version whatever is published meanwhile) and what a request keeps.
 */
public record QuestionnaireRef(String id, int version) {

    public QuestionnaireRef {
        Objects.requireNonNull(id, "id");
    }

    public static QuestionnaireRef of(Questionnaire questionnaire) {
        return new QuestionnaireRef(questionnaire.id(), questionnaire.version());
    }
}
