package fr.boussole.app.config;

import fr.boussole.core.settings.InvalidSettingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StartupSettingsTest {

    @Test
    void no_settings_at_all_is_a_valid_start() {
        assertThatCode(() -> StartupSettings.check(new MockEnvironment())).doesNotThrowAnyException();
        assertThat(StartupSettings.mongoUri(new MockEnvironment())).isNull();
    }

    @Test
    void a_complete_configuration_is_accepted() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("server.port", "8080")
                .withProperty("boussole.public-base-url", "https://boussole.example.org")
                .withProperty("boussole.channels.twilio.account-sid", "AC123").withProperty("boussole.channels.twilio.auth-token", "0123456789abcdef0123456789abcdef")
                .withProperty("boussole.channels.twilio.sms-from", "+33612345678")
                .withProperty("boussole.channels.telegram.bot-token", "123:abc").withProperty("boussole.channels.telegram.webhook-secret", "s3cret_-0123456789")
                .withProperty("boussole.metrics-token", "a-scraper-token-of-32-characters")
                .withProperty("spring.mongodb.uri", "mongodb://mongo:27017/boussole?replicaSet=rs0");
        assertThatCode(() -> StartupSettings.check(env)).doesNotThrowAnyException();
        assertThat(StartupSettings.mongoUri(env)).startsWith("mongodb://mongo");
    }

    @ParameterizedTest(name = "{0}={1} is refused, naming {2}")
    @CsvSource(delimiter = '|', value = {
            "server.port|80a|SERVER_PORT",
            "server.port|70000|SERVER_PORT",
            "boussole.public-base-url|localhost:8080|PUBLIC_BASE_URL",
            "boussole.public-base-url|ftp://example.org|PUBLIC_BASE_URL",
            "boussole.store.demo.enabled|yes|BOUSSOLE_DEMO_DATA",
            "boussole.channels.email.from|boussole|BOUSSOLE_MAIL_FROM",
            "spring.mail.port|smtp|SPRING_MAIL_PORT",
            "boussole.channels.twilio.account-sid|AC123|TWILIO_AUTH_TOKEN",
            "boussole.channels.twilio.auth-token|secret|TWILIO_ACCOUNT_SID",
            "boussole.channels.telegram.bot-token|123:abc|TELEGRAM_WEBHOOK_SECRET",
            "boussole.channels.telegram.mode|push|TELEGRAM_MODE",
            "boussole.channels.telegram.api-base-url|not a url|TELEGRAM_API_BASE_URL",
            "boussole.channels.twilio.api-base-url|//nohost|TWILIO_API_BASE_URL",
            "boussole.metrics-token|short|BOUSSOLE_METRICS_TOKEN",
    })
    void a_wrong_setting_is_refused_naming_its_variable(String property, String value, String variable) {
        MockEnvironment env = new MockEnvironment().withProperty(property, value);
        assertThatThrownBy(() -> StartupSettings.check(env))
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> assertThat(e.variable()).isEqualTo(variable));
    }

    /**
     * The one validation step binds every module's settings record: a value of each kind a module reads
     * (a number, a duration, a period, a rule of the module's own) is refused with the variable to fix.
     * Fails on the code before the one configuration tree: these reached Spring Boot's bind report, or no
     * check at all before the context started.
     */
    @ParameterizedTest(name = "{0}={1} is refused, naming {2}")
    @CsvSource(delimiter = '|', value = {
            "boussole.console.max-login-failures|0|BOUSSOLE_CONSOLE_MAX_LOGIN_FAILURES",
            "boussole.console.lock-duration|15 minutes|BOUSSOLE_CONSOLE_LOCK_DURATION",
            "boussole.console.max-reset-requests-per-email|0|BOUSSOLE_CONSOLE_MAX_RESET_REQUESTS_PER_EMAIL",
            "boussole.channels.web-chat.messages-per-session|many|BOUSSOLE_CHANNELS_WEB_CHAT_MESSAGES_PER_SESSION",
            "boussole.channels.email.sends-per-second|0|BOUSSOLE_CHANNELS_EMAIL_SENDS_PER_SECOND",
            "boussole.pipeline.workers|0|BOUSSOLE_PIPELINE_WORKERS",
            "boussole.pipeline.lease|0s|BOUSSOLE_PIPELINE_LEASE",
            "boussole.pipeline.gap-timeout|0s|BOUSSOLE_PIPELINE_GAP_TIMEOUT",
            "boussole.retention.searches|0d|BOUSSOLE_RETENTION_SEARCHES",
            "boussole.retention.conversations|a month|BOUSSOLE_RETENTION_CONVERSATIONS",
            "boussole.store.invitation-validity|0s|BOUSSOLE_STORE_INVITATION_VALIDITY",
            "boussole.store.index-refresh|0s|BOUSSOLE_STORE_INDEX_REFRESH",
            "boussole.store.promises.alert-link-validity|soon|BOUSSOLE_STORE_PROMISES_ALERT_LINK_VALIDITY",
            "boussole.journey.page-size|ten|BOUSSOLE_JOURNEY_PAGE_SIZE",
    })
    void a_wrong_value_of_a_module_setting_is_refused_naming_its_variable(String property, String value, String variable) {
        MockEnvironment env = new MockEnvironment().withProperty(property, value);
        assertThatThrownBy(() -> StartupSettings.check(env))
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> assertThat(e.variable()).isEqualTo(variable));
    }

    @Test
    void a_value_that_cannot_be_read_is_quoted_with_what_was_expected() {
        MockEnvironment env = new MockEnvironment().withProperty("boussole.console.lock-duration", "15 minutes");
        assertThatThrownBy(() -> StartupSettings.check(env))
                .hasMessage("BOUSSOLE_CONSOLE_LOCK_DURATION: '15 minutes' is not a duration (30s, 15m, 2h, 7d)");
    }

    /** A setting under a name from before the one tree would be ignored, silently back at its default: refused. */
    @ParameterizedTest(name = "{0} is refused")
    @CsvSource(delimiter = '|', value = {
            "twilio.sends-per-second|5|boussole.channels.twilio.sends-per-second",
            "telegram.bot-token|123:abc|boussole.channels.telegram.bot-token",
            "boussole.max-login-failures|3|boussole.console.max-login-failures",
            "boussole.web-chat.limit-window|1m|boussole.channels.web-chat.limit-window",
            "boussole.demo-password|un-mot-de-passe-a-nous|boussole.store.demo.password",
    })
    void a_setting_under_its_old_name_is_refused_naming_the_new_one(String old, String value, String now) {
        MockEnvironment env = new MockEnvironment().withProperty(old, value);
        assertThatThrownBy(() -> StartupSettings.check(env))
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> {
                    assertThat(e.variable()).isEqualTo(old);
                    assertThat(e.problem()).startsWith("renamed " + now);
                });
    }

    @Test
    void a_twilio_account_needs_a_sender_number() {
        MockEnvironment env = new MockEnvironment().withProperty("boussole.channels.twilio.account-sid", "AC1")
                .withProperty("boussole.channels.twilio.auth-token", "0123456789abcdef0123456789abcdef");
        assertThatThrownBy(() -> StartupSettings.check(env)).hasMessageStartingWith("TWILIO_SMS_FROM");
        env.setProperty("boussole.channels.twilio.whatsapp-from", "whatsapp:+33612345678");
        assertThatThrownBy(() -> StartupSettings.check(env)).hasMessageStartingWith("TWILIO_WHATSAPP_FROM");
    }

    @Test
    void polling_mode_needs_no_webhook_secret() {
        MockEnvironment env = new MockEnvironment().withProperty("boussole.channels.telegram.bot-token", "123:abc").withProperty("boussole.channels.telegram.mode", "polling");
        assertThatCode(() -> StartupSettings.check(env)).doesNotThrowAnyException();
    }

    @Test
    void a_connection_string_must_be_one() {
        MockEnvironment env = new MockEnvironment().withProperty("MONGODB_URI", "localhost:27017");
        assertThatThrownBy(() -> StartupSettings.mongoUri(env)).hasMessageStartingWith("MONGODB_URI");
    }

    /** Fails if a secret that guards an endpoint may be guessed in a few tries (one character was accepted). */
    @ParameterizedTest(name = "{0} of {1} characters is refused, naming {2}")
    @CsvSource(delimiter = '|', value = {
            "boussole.channels.telegram.webhook-secret|1|TELEGRAM_WEBHOOK_SECRET",
            "boussole.channels.telegram.webhook-secret|15|TELEGRAM_WEBHOOK_SECRET",
            "boussole.channels.twilio.auth-token|31|TWILIO_AUTH_TOKEN",
            "boussole.metrics-token|31|BOUSSOLE_METRICS_TOKEN",
    })
    void a_secret_too_short_to_resist_guessing_is_refused(String property, int length, String variable) {
        MockEnvironment env = new MockEnvironment().withProperty("boussole.channels.telegram.bot-token", "123:abc")
                .withProperty("boussole.channels.twilio.account-sid", "AC1").withProperty("boussole.channels.twilio.sms-from", "+33612345678")
                .withProperty("boussole.channels.twilio.auth-token", "0123456789abcdef0123456789abcdef")
                .withProperty("boussole.channels.telegram.webhook-secret", "s3cret_-0123456789")
                .withProperty(property, "x".repeat(length));
        assertThatThrownBy(() -> StartupSettings.check(env))
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> assertThat(e.variable()).isEqualTo(variable))
                .hasMessageContaining("too short");
        env.setProperty(property, "x".repeat(length + 1 + (variable.startsWith("TELEGRAM") ? 16 - length : 32 - length)));
        assertThatCode(() -> StartupSettings.check(env)).doesNotThrowAnyException();
    }

    /**
     * Fails if an app reached at a public address can load the demo accounts with the password printed in
     * the README (anyone could sign in as the animateur), or if a developer's localhost is refused.
     */
    @Test
    void the_published_demo_password_is_refused_unless_the_app_is_on_a_loopback_address() {
        MockEnvironment publicDemo = new MockEnvironment().withProperty("boussole.public-base-url", "https://boussole.example.org");
        assertThatThrownBy(() -> StartupSettings.check(publicDemo))
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> assertThat(e.variable()).isEqualTo("BOUSSOLE_DEMO_PASSWORD"));
        publicDemo.setProperty("boussole.store.demo.password", "boussole-demo");
        assertThatThrownBy(() -> StartupSettings.check(publicDemo)).hasMessageStartingWith("BOUSSOLE_DEMO_PASSWORD");
        publicDemo.setProperty("boussole.store.demo.password", "court");
        assertThatThrownBy(() -> StartupSettings.check(publicDemo)).hasMessageContaining("too short");
        publicDemo.setProperty("boussole.store.demo.password", "un-mot-de-passe-a-nous");
        assertThatCode(() -> StartupSettings.check(publicDemo)).doesNotThrowAnyException();

        MockEnvironment noDemo = new MockEnvironment().withProperty("boussole.public-base-url", "https://boussole.example.org")
                .withProperty("boussole.store.demo.enabled", "false");
        assertThatCode(() -> StartupSettings.check(noDemo)).doesNotThrowAnyException();
        MockEnvironment ownStore = new MockEnvironment().withProperty("boussole.public-base-url", "https://boussole.example.org")
                .withProperty("spring.mongodb.uri", "mongodb://mongo:27017/boussole");
        assertThatCode(() -> StartupSettings.check(ownStore)).as("no demo data by default on a store of one's own")
                .doesNotThrowAnyException();
        for (String local : new String[] {"http://localhost:8080", "http://127.0.0.1:9000", "http://[::1]:8080"}) {
            assertThatCode(() -> StartupSettings.check(new MockEnvironment().withProperty("boussole.public-base-url", local)))
                    .as(local).doesNotThrowAnyException();
        }
    }
}
