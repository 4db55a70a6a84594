package fr.boussole.console.security;

import fr.boussole.core.settings.PublicBaseUrl;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockServletContext;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule for the session cookie's flags, for each kind of {@code PUBLIC_BASE_URL}. Fails if an https
 * deployment gets a cookie without Secure, or if the cookie loses HttpOnly or SameSite.
 */
class SessionCookieRuleTest {

    @ParameterizedTest
    @CsvSource({
            "https://boussole.example.fr, true",
            "https://boussole.example.fr:8443/, true",
            "http://localhost:8080, false",
            "http://127.0.0.1:8080, false"})
    void the_cookie_is_secure_exactly_when_the_public_url_is_https(String url, boolean secure) throws Exception {
        var context = new MockServletContext();

        new ConsoleSecurityConfiguration().consoleSessionCookie(settings(url)).onStartup(context);

        var cookie = context.getSessionCookieConfig();
        assertThat(cookie.isSecure()).isEqualTo(secure);
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getAttribute("SameSite")).isEqualTo("Lax");
    }

    private static PublicBaseUrl settings(String url) {
        return PublicBaseUrl.parse(url);
    }
}
