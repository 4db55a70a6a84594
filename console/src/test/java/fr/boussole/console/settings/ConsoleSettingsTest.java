package fr.boussole.console.settings;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsoleSettingsTest {

    @Test
    void a_wrong_public_url_is_refused_naming_the_variable() {
        assertThatThrownBy(() -> settings("localhost:8080")).hasMessageContaining("PUBLIC_BASE_URL");
        assertThatThrownBy(() -> settings("ftp://x.fr")).hasMessageContaining("PUBLIC_BASE_URL");
    }

    @Test
    void links_are_built_on_the_public_url_and_https_makes_cookies_secure() {
        var settings = settings("https://boussole.example.org/");
        assertThat(settings.link("/console/x")).isEqualTo("https://boussole.example.org/console/x");
        assertThat(settings.https()).isTrue();
        assertThat(settings("http://localhost:8080").https()).isFalse();
    }

    private static ConsoleSettings settings(String url) {
        return new ConsoleSettings(url, Duration.ofHours(1), 5, Duration.ofMinutes(15), Duration.ofDays(1));
    }
}
