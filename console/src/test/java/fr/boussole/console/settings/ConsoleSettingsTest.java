package fr.boussole.console.settings;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsoleSettingsTest {

    @Test
    void a_wrong_public_url_or_sender_is_refused_naming_the_variable() {
        assertThatThrownBy(() -> settings("localhost:8080", "a@b.fr")).hasMessageContaining("PUBLIC_BASE_URL");
        assertThatThrownBy(() -> settings("ftp://x.fr", "a@b.fr")).hasMessageContaining("PUBLIC_BASE_URL");
        assertThatThrownBy(() -> settings("https://x.fr", "personne")).hasMessageContaining("BOUSSOLE_MAIL_FROM");
    }

    @Test
    void links_are_built_on_the_public_url_and_https_makes_cookies_secure() {
        var settings = settings("https://boussole.example.org/", "a@b.fr");
        assertThat(settings.link("/console/x")).isEqualTo("https://boussole.example.org/console/x");
        assertThat(settings.https()).isTrue();
        assertThat(settings("http://localhost:8080", "a@b.fr").https()).isFalse();
    }

    private static ConsoleSettings settings(String url, String from) {
        return new ConsoleSettings(url, from, Duration.ofDays(5), Duration.ofHours(1), 5, Duration.ofMinutes(15),
                Duration.ofDays(1));
    }
}
