package fr.boussole.core.questionnaire;

import java.util.List;
import java.util.Objects;

/**
 * One value of a choice question: a stable id (offers' criteria use it), the label shown, and other
 * words young people use for it ("cdi", "je bosse"), matched as whole answers.
 *
 * @param urgent choosing it means the young person needs help now ("C'est urgent ?" → "Oui, très"):
 *               the engine shows the theme's help line at once and marks the request urgent
 */
public record Option(String id, String label, List<String> aliases, boolean urgent) {
    public Option {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    public Option(String id, String label, List<String> aliases) {
        this(id, label, aliases, false);
    }

    public Option(String id, String label) {
        this(id, label, List.of());
    }
}
