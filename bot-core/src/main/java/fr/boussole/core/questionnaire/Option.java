package fr.boussole.core.questionnaire;

import java.util.List;
import java.util.Objects;

/**
 * One value of a choice question: a stable id (offers' criteria use it), the label shown, and other
 * words young people use for it ("cdi", "je bosse"), matched as whole answers.
 */
public record Option(String id, String label, List<String> aliases) {
    public Option {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    public Option(String id, String label) {
        this(id, label, List.of());
    }
}
