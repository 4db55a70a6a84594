package fr.boussole.app.dialog;

import fr.boussole.core.journey.JourneySettings;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.time.ZoneId;

/**
 * The journey's settings ({@code boussole.journey.*}: bot-core's engine has no Spring, the app binds them): idle time before a conversation offers to
 * resume or restart, offers shown at a time, and the time zone dates are told in.
 */
@ConfigurationProperties("boussole.journey")
record DialogProperties(Duration idleExpiry, Integer pageSize, ZoneId zone) {

    JourneySettings toSettings() {
        JourneySettings defaults = JourneySettings.defaults();
        return new JourneySettings(
                idleExpiry == null ? defaults.idleExpiry() : idleExpiry,
                pageSize == null ? defaults.pageSize() : pageSize,
                zone == null ? defaults.zone() : zone);
    }
}
