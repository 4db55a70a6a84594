package fr.boussole.core.questionnaire;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When a step is asked, from earlier answers: every {@code when} question has one of the listed
 * values, and no {@code unless} question has one of its listed values. A question not answered
 * (skipped) never satisfies a {@code when} and never triggers an {@code unless}.
 */
public record Condition(Map<String, Set<String>> when, Map<String, Set<String>> unless) {

    public static final Condition ALWAYS = new Condition(Map.of(), Map.of());

    public Condition {
        when = Map.copyOf(when);
        unless = Map.copyOf(unless);
    }

    public boolean holds(Map<String, List<String>> answers) {
        for (var required : when.entrySet()) {
            if (!overlaps(answers.get(required.getKey()), required.getValue())) {
                return false;
            }
        }
        for (var excluded : unless.entrySet()) {
            if (overlaps(answers.get(excluded.getKey()), excluded.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** The questions this condition reads, to check that they come earlier. */
    public Set<String> questionIds() {
        var ids = new java.util.LinkedHashSet<String>(when.keySet());
        ids.addAll(unless.keySet());
        return ids;
    }

    private static boolean overlaps(Collection<String> given, Set<String> listed) {
        return given != null && given.stream().anyMatch(listed::contains);
    }
}
