package fr.boussole.core.questionnaire;

import java.util.Objects;

/** One value of a choice question: a stable id (offers' criteria use it) and the label shown. */
public record Option(String id, String label) {
    public Option {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
    }
}
