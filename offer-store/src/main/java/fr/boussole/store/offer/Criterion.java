package fr.boussole.store.offer;

import java.util.Set;

/**
 * An eligibility condition on one questionnaire answer: the young person's answer to
 * {@code questionId} must be one of {@code acceptedValues} (for a multiple choice: at least one).
 * The value {@value #ANY} (or an empty set) disables the criterion.
 */
public record Criterion(String questionId, Set<String> acceptedValues) {

    public static final String ANY = "any";

    public Criterion {
        if (questionId == null || questionId.isBlank()) {
            throw new IllegalArgumentException("a criterion needs a question id");
        }
        acceptedValues = acceptedValues == null ? Set.of() : Set.copyOf(acceptedValues);
    }

    public boolean isDisabled() {
        return acceptedValues.isEmpty() || acceptedValues.contains(ANY);
    }
}
