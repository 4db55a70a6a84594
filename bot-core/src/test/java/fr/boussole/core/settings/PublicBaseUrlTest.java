package fr.boussole.core.settings;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one public URL every module builds on (was checked again, differently, by the console and the channels). */
class PublicBaseUrlTest {

    @Test
    void a_wrong_public_url_is_refused_naming_the_variable() {
        for (String wrong : new String[]{"localhost:8080", "ftp://x.fr", "bot.example.org", " "}) {
            assertThatThrownBy(() -> PublicBaseUrl.parse(wrong)).isInstanceOfSatisfying(InvalidSettingException.class,
                    e -> assertThat(e.variable()).isEqualTo("PUBLIC_BASE_URL"));
        }
    }

    @Test
    void links_are_built_on_the_public_url_and_https_makes_cookies_secure() {
        PublicBaseUrl url = PublicBaseUrl.parse("https://boussole.example.org/");
        assertThat(url.of("/console/x")).isEqualTo("https://boussole.example.org/console/x");
        assertThat(url.https()).isTrue();
        assertThat(PublicBaseUrl.parse("http://localhost:8080").https()).isFalse();
        assertThat(PublicBaseUrl.parse("http://localhost:8080").localhost()).isTrue();
    }

    @Test
    void a_property_is_set_by_its_name_in_capitals() {
        assertThat(InvalidSettingException.variableOf("boussole.console.max-login-failures"))
                .isEqualTo("BOUSSOLE_CONSOLE_MAX_LOGIN_FAILURES");
        assertThat(InvalidSettingException.ofProperty("boussole.channels.web-chat.limit-window", "x").variable())
                .isEqualTo("BOUSSOLE_CHANNELS_WEB_CHAT_LIMIT_WINDOW");
    }
}
