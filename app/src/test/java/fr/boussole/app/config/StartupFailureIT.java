package fr.boussole.app.config;

import fr.boussole.core.settings.InvalidSettingException;
import fr.boussole.app.testing.Instances;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A wrong setting stops the real start-up with one line that names the variable. */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureIT {

    @Test
    void a_telegram_token_without_its_webhook_secret_stops_start_up(CapturedOutput output) {
        refused(output, "Invalid setting TELEGRAM_WEBHOOK_SECRET: required when TELEGRAM_BOT_TOKEN is set in webhook mode",
                "boussole.channels.telegram.bot-token=123:abc", "spring.mongodb.uri=mongodb://127.0.0.1:1/x");
    }

    @Test
    void a_store_of_ones_own_without_the_keys_of_personal_data_stops_start_up(CapturedOutput output) {
        // the test properties give keys: blanked here, as if the variables were not set
        refused(output, "Invalid setting BOUSSOLE_DATA_KEYS: required with MONGODB_URI",
                "spring.mongodb.uri=mongodb://127.0.0.1:1/x", "boussole.data-keys=");
    }

    @Test
    void a_data_dir_that_cannot_be_created_stops_start_up(@TempDir Path tmp, CapturedOutput output) throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "not a directory");
        refused(output, "Invalid setting BOUSSOLE_DATA_DIR: cannot create",
                "boussole.data-dir=" + file.resolve("data"));
    }

    @Test
    void a_compact_fill_rate_that_is_not_a_percentage_stops_start_up(@TempDir Path tmp, CapturedOutput output) {
        refused(output, "Invalid setting BOUSSOLE_STORE_COMPACT_FILL_RATE: '200' is not a percentage (0-100)",
                "boussole.data-dir=" + tmp.resolve("data"),
                "boussole.embedded-database.compact-fill-rate=200");
    }

    /**
     * Fails if a setting a module checks where it binds it (here the channels' email rate) stops start-up
     * with a stack trace instead of the one line: it did while bot-core's error type had no failure analyzer.
     */
    @Test
    void a_setting_a_module_checks_stops_start_up_with_the_same_line(@TempDir Path tmp, CapturedOutput output) {
        // the settings error itself is thrown: the one validation step, before any bean
        refused(output, "Invalid setting BOUSSOLE_CHANNELS_EMAIL_SENDS_PER_SECOND: must be at least 1",
                "boussole.data-dir=" + tmp.resolve("data"), "boussole.channels.email.sends-per-second=0");
    }

    /**
     * A value a module cannot read stops the real start-up with the same one line, naming the variable (the
     * contract's when application.yml maps it). Fails on the code before the one configuration tree: Boot's
     * bind report, "Failed to bind properties under 'boussole.console'…", several lines and no variable.
     */
    @Test
    void a_value_a_module_cannot_read_stops_start_up_with_one_line(@TempDir Path tmp, CapturedOutput output) {
        refused(output, "Invalid setting BOUSSOLE_CONSOLE_LOCK_DURATION: '15 minutes' is not a duration",
                "boussole.data-dir=" + tmp.resolve("data"),
                "boussole.console.lock-duration=15 minutes");
    }

    /** A setting under a name from before the one tree stops start-up instead of being ignored. */
    @Test
    void a_setting_under_its_old_name_stops_start_up(@TempDir Path tmp, CapturedOutput output) {
        refused(output, "Invalid setting twilio.sends-per-second: renamed boussole.channels.twilio.sends-per-second",
                "boussole.data-dir=" + tmp.resolve("data"), "twilio.sends-per-second=5");
    }

    /** Fails if a one-character Telegram webhook secret is accepted (it was: anyone could forge updates). */
    @Test
    void a_telegram_webhook_secret_too_short_stops_start_up(CapturedOutput output) {
        refused(output, "Invalid setting TELEGRAM_WEBHOOK_SECRET: too short (1 characters): at least 16",
                "boussole.channels.telegram.bot-token=123:abc", "boussole.channels.telegram.webhook-secret=x",
                "spring.mongodb.uri=mongodb://127.0.0.1:1/x");
    }

    /** Fails if the demo accounts may be loaded with the README's password on an app reached from outside. */
    @Test
    void the_published_demo_password_on_a_public_address_stops_start_up(@TempDir Path tmp, CapturedOutput output) {
        // the test properties give a password of their own: blanked here, as if BOUSSOLE_DEMO_PASSWORD were not set
        refused(output, "Invalid setting BOUSSOLE_DEMO_PASSWORD: the demo accounts would get the published password",
                "boussole.public-base-url=https://boussole.example.org",
                "boussole.data-dir=" + tmp.resolve("data"), "boussole.data-keys=", "boussole.lookup-key=", "boussole.store.demo.password=");
        assertThat(tmp.resolve("data")).as("stopped before the store opened").doesNotExist();
    }

    /**
     * Fails if a store whose demo accounts were loaded with the README's password (on a developer's machine)
     * can be served at a public address: setting BOUSSOLE_DEMO_PASSWORD afterwards changes no stored account.
     */
    @Test
    void demo_accounts_left_with_the_published_password_stop_a_public_start_up(@TempDir Path tmp, CapturedOutput output) {
        String[] store = {"boussole.data-dir=" + tmp.resolve("data"), "boussole.data-keys=", "boussole.lookup-key="};
        try (var local = Instances.start(concat(store, "boussole.store.demo.password=boussole-demo"))) {
            assertThat(local.isRunning()).isTrue();
        }
        assertThatThrownBy(() -> Instances.start(concat(store, "boussole.public-base-url=https://boussole.example.org",
                "boussole.store.demo.password=un-mot-de-passe-a-nous")))
                .satisfiesAnyOf(e -> assertThat(e).isInstanceOf(InvalidSettingException.class),
                        e -> assertThat(e).hasRootCauseInstanceOf(InvalidSettingException.class));
        assertThat(output).contains("Invalid setting BOUSSOLE_DEMO_PASSWORD: the demo account animatrice@boussole-lot.example.org "
                + "still signs in with the published password boussole-demo");
    }

    /** Start-up with these settings throws the settings error, and the output has its one line. */
    private static void refused(CapturedOutput output, String line, String... settings) {
        assertThatThrownBy(() -> Instances.start(settings)).isInstanceOf(InvalidSettingException.class);
        assertThat(output).contains(line);
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
