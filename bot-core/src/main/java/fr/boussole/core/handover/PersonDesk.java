package fr.boussole.core.handover;

import java.time.Duration;
import java.util.Objects;

/**
 * Who answers the young people of a territory when they ask for a person, and when.
 *
 * @param name     how the young person is told who answers (the territory's Info Jeunes, or its team)
 * @param hours    when someone reads the console's inbox
 * @param quietFor how long the bot stays quiet after the last word of the person (or after the young
 *                 person asked, while nobody took the conversation) before it takes the conversation back
 */
public record PersonDesk(String territoryId, String name, OfficeHours hours, Duration quietFor) {

    /** The quiet time when a territory sets none: a working day. */
    public static final Duration DEFAULT_QUIET_FOR = Duration.ofHours(24);

    public PersonDesk {
        Objects.requireNonNull(territoryId, "territoryId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(hours, "hours");
        Objects.requireNonNull(quietFor, "quietFor");
        if (quietFor.isNegative() || quietFor.isZero()) {
            throw new IllegalArgumentException("the quiet time must be positive");
        }
    }
}
