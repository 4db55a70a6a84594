package fr.boussole.core.conversation;

import java.util.List;

/**
 * One answer to a questionnaire question, kept with its wording so that a professional reads it
 * without the questionnaire at hand.
 */
public record Answer(String questionId, String questionText, List<String> values, List<String> labels) {
    public Answer {
        values = List.copyOf(values);
        labels = List.copyOf(labels);
    }
}
