package fr.boussole.core.journey;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Tunables of the journey.
 *
 * @param idleExpiry after this long without a message, coming back offers to resume or restart.
 *                   Three days by default, as in RapidPro: a conversation left on Friday evening
 *                   and picked up on Monday still resumes silently, beyond that the young person
 *                   has usually lost the thread and is better asked.
 * @param pageSize   offers shown at a time ("plus" for more): three lines fit in one SMS
 * @param zone       where dates told to the young person are reckoned
 */
public record JourneySettings(Duration idleExpiry, int pageSize, ZoneId zone) {

    public JourneySettings {
        Objects.requireNonNull(idleExpiry, "idleExpiry");
        Objects.requireNonNull(zone, "zone");
        if (idleExpiry.isNegative() || idleExpiry.isZero()) {
            throw new IllegalArgumentException("idleExpiry must be positive");
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1");
        }
    }

    public static JourneySettings defaults() {
        return new JourneySettings(Duration.ofDays(3), 3, ZoneId.of("Europe/Paris"));
    }
}
