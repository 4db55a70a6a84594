package fr.boussole.core.rights;

import java.util.Objects;

/**
 * Whose records a data-rights request may reach: an animateur acts for their territory, the national
 * administration (and the young person themselves, by message, and the retention schedule) for all.
 * A record outside the scope is only counted, with the territory that holds it, so that the person
 * asking knows whom to turn to; it is neither shown, exported nor erased.
 */
public sealed interface RightsScope {

    /** Every record, whatever its territory, and those of no territory. */
    record National() implements RightsScope {}

    /** The records of one territory. */
    record Territory(String territoryId) implements RightsScope {
        public Territory {
            Objects.requireNonNull(territoryId, "territoryId");
        }
    }

    RightsScope NATIONAL = new National();

    static RightsScope territory(String territoryId) {
        return new Territory(territoryId);
    }

    /** Whether a record of this territory ({@code null}: of none) is in the scope. */
    default boolean covers(String territoryId) {
        return switch (this) {
            case National n -> true;
            case Territory t -> t.territoryId().equals(territoryId);
        };
    }
}
