package fr.boussole.console.settings;

import fr.boussole.core.settings.InvalidSettingException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The console's settings name the variable an operator sets when a value is wrong (the public URL is bot-core's). */
class ConsoleSettingsTest {

    @Test
    void a_wrong_value_is_refused_naming_its_variable() {
        assertThatThrownBy(() -> new ConsoleSettings(Duration.ofHours(1), 0, Duration.ofMinutes(15), Duration.ofDays(1)))
                .isInstanceOfSatisfying(InvalidSettingException.class,
                        e -> assertThat(e.variable()).isEqualTo("BOUSSOLE_CONSOLE_MAX_LOGIN_FAILURES"));
        assertThatThrownBy(() -> new ConsoleSettings(Duration.ZERO, 5, Duration.ofMinutes(15), Duration.ofDays(1)))
                .isInstanceOfSatisfying(InvalidSettingException.class,
                        e -> assertThat(e.variable()).isEqualTo("BOUSSOLE_CONSOLE_RESET_LINK_VALIDITY"));
    }
}
