package fr.boussole.core.questionnaire;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The questionnaire of a theme, versioned: a contact request records the version it was answered
 * under, because the data controller registers each version.
 */
public record Questionnaire(String id, int version, String theme, List<Step> steps) {

    public Questionnaire {
        steps = List.copyOf(steps);
    }

    public Optional<Step> step(String stepId) {
        return steps.stream().filter(s -> s.id().equals(stepId)).findFirst();
    }

    /** The first step to ask given the answers so far, if any. */
    public Optional<Step> first(Map<String, List<String>> answers) {
        return nextFrom(0, answers);
    }

    /** The step to ask after this one given the answers so far; empty when the questionnaire is done. */
    public Optional<Step> after(String stepId, Map<String, List<String>> answers) {
        int index = indexOf(stepId);
        return index < 0 ? Optional.empty() : nextFrom(index + 1, answers);
    }

    /** Whether this step is asked under these answers (its condition holds). */
    public boolean active(Step step, Map<String, List<String>> answers) {
        return step.condition().holds(answers);
    }

    private Optional<Step> nextFrom(int index, Map<String, List<String>> answers) {
        return steps.subList(index, steps.size()).stream().filter(s -> active(s, answers)).findFirst();
    }

    private int indexOf(String stepId) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).id().equals(stepId)) {
                return i;
            }
        }
        return -1;
    }
}
