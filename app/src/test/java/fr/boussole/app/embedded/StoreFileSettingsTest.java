package fr.boussole.app.embedded;

import fr.boussole.core.settings.InvalidSettingException;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How the embedded store keeps its file: not forced to the disk and compacted in the background only below half
 * the file in use unless told otherwise, a wrong value named in one line, and the rate handed to MVStore. Fails if
 * the store went back to MVStore's default (rewriting chunks whenever a tenth of the file is dead: BENCHMARKS.md).
 */
class StoreFileSettingsTest {

    @Test
    void by_default_commits_are_not_forced_to_the_disk_and_the_file_is_compacted_below_half_in_use() {
        assertThat(StoreFileSettings.from(Map.<String, String>of()::get)).isEqualTo(new StoreFileSettings(false, 50))
                .isEqualTo(StoreFileSettings.DEFAULT);
        assertThat(StoreFileSettings.from(Map.of("BOUSSOLE_STORE_FSYNC", " ", "BOUSSOLE_STORE_COMPACT_FILL_RATE", "")::get))
                .isEqualTo(StoreFileSettings.DEFAULT);
    }

    @Test
    void both_settings_are_read_a_percentage_with_or_without_its_sign() {
        assertThat(StoreFileSettings.from(Map.of("BOUSSOLE_STORE_FSYNC", "TRUE", "BOUSSOLE_STORE_COMPACT_FILL_RATE", "90")::get))
                .isEqualTo(new StoreFileSettings(true, 90));
        assertThat(StoreFileSettings.from(Map.of("BOUSSOLE_STORE_COMPACT_FILL_RATE", " 70 % ")::get).compactFillRate()).isEqualTo(70);
        assertThat(StoreFileSettings.from(Map.of("BOUSSOLE_STORE_COMPACT_FILL_RATE", "0")::get).compactFillRate()).isZero();
    }

    @Test
    void a_wrong_value_is_refused_naming_its_variable() {
        for (String wrong : new String[]{"abc", "-1", "101", "50.5", "%"}) {
            assertThatThrownBy(() -> StoreFileSettings.from(Map.of("BOUSSOLE_STORE_COMPACT_FILL_RATE", wrong)::get))
                    .isInstanceOfSatisfying(InvalidSettingException.class,
                            e -> assertThat(e.variable()).isEqualTo("BOUSSOLE_STORE_COMPACT_FILL_RATE"));
        }
        assertThatThrownBy(() -> StoreFileSettings.from(Map.of("BOUSSOLE_STORE_FSYNC", "yes")::get))
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> assertThat(e.variable()).isEqualTo("BOUSSOLE_STORE_FSYNC"));
    }

    /** The app reads them from its configuration tree, where application.yml puts the variables. */
    @Test
    void the_app_reads_them_from_its_configuration_tree_and_the_store_process_from_its_options() {
        var env = new MockEnvironment().withProperty("boussole.embedded-database.fsync", "true")
                .withProperty("boussole.embedded-database.compact-fill-rate", "80");
        assertThat(StoreFileSettings.of(env)).isEqualTo(new StoreFileSettings(true, 80));
        Map<String, String> options = StoreServer.settings(new String[]{"--compact-fill-rate", "30", "--fsync", "false"});
        assertThat(StoreFileSettings.from(options::get)).isEqualTo(new StoreFileSettings(false, 30));
    }

    @Test
    void mvstore_is_given_the_rate() {
        for (int rate : new int[]{50, 0, 90}) {
            // the builder's description of its settings (numbers in hexadecimal: "autoCompactFillRate:32")
            assertThat(DurableH2Backend.builder("boussole.mv", new StoreFileSettings(false, rate)).toString())
                    .isEqualTo(new MVStore.Builder().fileName("boussole.mv").autoCompactFillRate(rate).toString());
        }
        assertThat(DurableH2Backend.builder("boussole.mv", StoreFileSettings.DEFAULT).toString()).contains("autoCompactFillRate:32");
    }
}
