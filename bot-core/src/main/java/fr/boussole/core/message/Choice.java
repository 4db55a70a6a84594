package fr.boussole.core.message;

import java.util.Objects;

/** One answer offered with a message: a stable id and the label shown. */
public record Choice(String id, String label) {
    public Choice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
    }
}
