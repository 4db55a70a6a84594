package fr.boussole.app.config;

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
                .withProperty("twilio.account-sid", "AC123").withProperty("twilio.auth-token", "secret")
                .withProperty("twilio.sms-from", "+33612345678")
                .withProperty("telegram.bot-token", "123:abc").withProperty("telegram.webhook-secret", "s3cret_-")
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
            "boussole.demo-data|yes|BOUSSOLE_DEMO_DATA",
            "boussole.channels.email.from|boussole|BOUSSOLE_MAIL_FROM",
            "spring.mail.port|smtp|SPRING_MAIL_PORT",
            "twilio.account-sid|AC123|TWILIO_AUTH_TOKEN",
            "twilio.auth-token|secret|TWILIO_ACCOUNT_SID",
            "telegram.bot-token|123:abc|TELEGRAM_WEBHOOK_SECRET",
            "telegram.mode|push|TELEGRAM_MODE",
            "telegram.api-base-url|not a url|TELEGRAM_API_BASE_URL",
            "twilio.api-base-url|//nohost|TWILIO_API_BASE_URL",
    })
    void a_wrong_setting_is_refused_naming_its_variable(String property, String value, String variable) {
        MockEnvironment env = new MockEnvironment().withProperty(property, value);
        assertThatThrownBy(() -> StartupSettings.check(env))
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> assertThat(e.variable()).isEqualTo(variable));
    }

    @Test
    void a_twilio_account_needs_a_sender_number() {
        MockEnvironment env = new MockEnvironment().withProperty("twilio.account-sid", "AC1").withProperty("twilio.auth-token", "t");
        assertThatThrownBy(() -> StartupSettings.check(env)).hasMessageStartingWith("TWILIO_SMS_FROM");
        env.setProperty("twilio.whatsapp-from", "whatsapp:+33612345678");
        assertThatThrownBy(() -> StartupSettings.check(env)).hasMessageStartingWith("TWILIO_WHATSAPP_FROM");
    }

    @Test
    void polling_mode_needs_no_webhook_secret() {
        MockEnvironment env = new MockEnvironment().withProperty("telegram.bot-token", "123:abc").withProperty("telegram.mode", "polling");
        assertThatCode(() -> StartupSettings.check(env)).doesNotThrowAnyException();
    }

    @Test
    void a_connection_string_must_be_one() {
        MockEnvironment env = new MockEnvironment().withProperty("MONGODB_URI", "localhost:27017");
        assertThatThrownBy(() -> StartupSettings.mongoUri(env)).hasMessageStartingWith("MONGODB_URI");
    }
}
