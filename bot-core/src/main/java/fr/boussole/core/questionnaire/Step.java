package fr.boussole.core.questionnaire;

import java.util.Objects;

/**
 * One question of a questionnaire.
 *
 * @param help shown when the young person asks for help on this question; may be null
 */
public record Step(String id, String text, String help, Question question, Condition condition) {
    public Step {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(question, "question");
        condition = condition == null ? Condition.ALWAYS : condition;
    }
}
