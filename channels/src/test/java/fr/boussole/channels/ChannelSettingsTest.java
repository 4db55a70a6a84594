package fr.boussole.channels;

import static org.assertj.core.api.Assertions.assertThat;

import fr.boussole.core.settings.InvalidSettingException;
import fr.boussole.channels.support.ChannelsTestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Start-up as the app sees it: both providers off when their settings are unset, and a wrong setting
 * stopping start-up with the variable's name.
 */
class ChannelSettingsTest {

    private static Throwable startFailure(String... properties) {
        SpringApplication app = new SpringApplication(ChannelsTestApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        String[] args = new String[properties.length + 1];
        for (int i = 0; i < properties.length; i++) {
            args[i] = "--" + properties[i];
        }
        args[properties.length] = "--spring.mongodb.uri=mongodb://localhost:1/none?serverSelectionTimeoutMS=500";
        try (ConfigurableApplicationContext context = app.run(args)) {
            // Email is always on: without an SMTP server it keeps the emails waiting in the outbox.
            assertThat(context.getBeanNamesForType(fr.boussole.core.delivery.Deliverer.class)).containsExactly("emailDeliverer");
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static String variableOf(Throwable failure) {
        Throwable t = failure;
        while (t != null && !(t instanceof InvalidSettingException)) {
            t = t.getCause();
        }
        assertThat(t).as("a InvalidSettingException in %s", failure).isNotNull();
        return ((InvalidSettingException) t).variable();
    }

    @Test
    void with_nothing_set_no_channel_is_on_and_the_webhooks_answer_404() throws Exception {
        assertThat(startFailure()).isNull();
        SpringApplication app = new SpringApplication(ChannelsTestApplication.class);
        try (ConfigurableApplicationContext context = app.run("--server.port=0",
                "--spring.mongodb.uri=mongodb://localhost:1/none?serverSelectionTimeoutMS=500")) {
            String port = context.getEnvironment().getProperty("local.server.port");
            var http = java.net.http.HttpClient.newHttpClient();
            for (String path : java.util.List.of("/webhooks/twilio", "/webhooks/twilio/status", "/webhooks/telegram")) {
                var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("Body=x")).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(path).isEqualTo(404);
            }
        }
    }

    @Test
    void a_sid_without_a_token_names_the_token() {
        assertThat(variableOf(startFailure("boussole.channels.twilio.account-sid=AC0123456789abcdef0123456789abcdef", "boussole.channels.twilio.sms-from=+33757000000")))
                .isEqualTo("TWILIO_AUTH_TOKEN");
    }

    @Test
    void a_malformed_sender_number_is_named() {
        assertThat(variableOf(startFailure("boussole.channels.twilio.account-sid=AC0123456789abcdef0123456789abcdef", "boussole.channels.twilio.auth-token=t",
                "boussole.channels.twilio.sms-from=0612345678"))).isEqualTo("TWILIO_SMS_FROM");
    }

    @Test
    void webhook_mode_needs_a_secret() {
        assertThat(variableOf(startFailure("boussole.channels.telegram.bot-token=123:abc"))).isEqualTo("TELEGRAM_WEBHOOK_SECRET");
    }

    @Test
    void an_unknown_telegram_mode_is_named() {
        assertThat(variableOf(startFailure("boussole.channels.telegram.bot-token=123:abc", "boussole.channels.telegram.mode=push"))).isEqualTo("TELEGRAM_MODE");
    }

    @Test
    void a_public_base_url_that_is_not_one_is_named() {
        assertThat(variableOf(startFailure("boussole.public-base-url=bot.example.org"))).isEqualTo("PUBLIC_BASE_URL");
    }
}
