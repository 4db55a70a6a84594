package fr.boussole.app.config;

import fr.boussole.core.settings.InvalidSettingException;
import fr.boussole.core.privacy.KeyRing;
import fr.boussole.core.privacy.LookupKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Fails when a store of one's own starts without its keys or with a malformed one, or when the
 * embedded store's first start does not leave an owner-only key file that later starts reuse.
 */
class KeySettingsTest {

    @TempDir
    Path dataDir;

    @Test
    void a_store_of_ones_own_needs_both_keys() {
        MockEnvironment env = new MockEnvironment();
        assertThatThrownBy(() -> KeySettings.resolve(env, false, dataDir))
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> {
                    assertThat(e.variable()).isEqualTo("BOUSSOLE_DATA_KEYS");
                    assertThat(e.problem()).contains("required with MONGODB_URI");
                });
        env.setProperty(KeySettings.DATA_KEYS, KeyRing.newKeySetting("k1"));
        assertThatThrownBy(() -> KeySettings.resolve(env, false, dataDir))
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> assertThat(e.variable()).isEqualTo("BOUSSOLE_LOOKUP_KEY"));
        env.setProperty(KeySettings.LOOKUP_KEY, LookupKey.newKeySetting());
        assertThat(KeySettings.resolve(env, false, dataDir)).isEmpty();
        assertThat(dataDir.resolve(KeyFile.FILE_NAME)).doesNotExist();
    }

    @Test
    void a_malformed_key_names_its_variable_and_never_shows_the_key() {
        String shortKey = java.util.Base64.getEncoder().encodeToString(new byte[16]);
        MockEnvironment env = new MockEnvironment().withProperty(KeySettings.DATA_KEYS, "k1:" + shortKey)
                .withProperty(KeySettings.LOOKUP_KEY, LookupKey.newKeySetting());
        assertThatThrownBy(() -> KeySettings.resolve(env, false, dataDir))
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> {
                    assertThat(e.variable()).isEqualTo("BOUSSOLE_DATA_KEYS");
                    assertThat(e.getMessage()).contains("16 bytes").doesNotContain(shortKey);
                });
        MockEnvironment badLookup = new MockEnvironment().withProperty(KeySettings.DATA_KEYS, KeyRing.newKeySetting("k1"))
                .withProperty(KeySettings.LOOKUP_KEY, "not base64 at all!");
        assertThatThrownBy(() -> KeySettings.resolve(badLookup, false, dataDir))
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> assertThat(e.variable()).isEqualTo("BOUSSOLE_LOOKUP_KEY"));
    }

    @Test
    void the_embedded_store_generates_its_keys_once_into_an_owner_only_file_and_reuses_them() throws Exception {
        Path data = dataDir.resolve("data");
        Map<String, String> first = KeySettings.resolve(new MockEnvironment(), true, data);
        Path file = dataDir.resolve("data.keys.properties");
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(first.get(KeySettings.DATA_KEYS)).startsWith("k1:");
        assertThat(KeySettings.resolve(new MockEnvironment(), true, data, true, line -> { })).isEqualTo(first);
    }

    /**
     * Fails if the embedded store's keys are kept in its data directory (a copy of ./data carried the keys
     * that open it), or if a store copied without them is given new keys instead of being refused.
     */
    @Test
    void the_keys_are_kept_beside_the_data_directory_so_a_copy_of_it_does_not_carry_them() throws Exception {
        Path data = dataDir.resolve("data");
        List<String> warnings = new ArrayList<>();
        KeySettings.resolve(new MockEnvironment(), true, data, false, warnings::add);
        Files.createDirectories(data);
        Files.writeString(data.resolve("boussole.mv"), "a store");
        assertThat(warnings).isEmpty();
        try (var inData = Files.walk(data)) {
            assertThat(inData.map(p -> p.getFileName().toString())).noneMatch(name -> name.contains("keys"));
        }

        Path copy = dataDir.resolve("elsewhere").resolve("data");
        Files.createDirectories(copy);
        Files.copy(data.resolve("boussole.mv"), copy.resolve("boussole.mv"));
        assertThatThrownBy(() -> KeySettings.resolve(new MockEnvironment(), true, copy, true, warnings::add))
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> {
                    assertThat(e.variable()).isEqualTo("BOUSSOLE_KEY_FILE");
                    assertThat(e.problem()).contains("does not carry its keys");
                });
        assertThat(copy.getParent().resolve("data.keys.properties")).as("no new keys for an existing store").doesNotExist();
    }

    @Test
    void a_key_file_of_an_earlier_version_inside_the_data_directory_is_read_with_a_warning() throws Exception {
        Path data = dataDir.resolve("old-data");
        Map<String, String> keys = KeySettings.resolve(new MockEnvironment(), true, data);
        Files.createDirectories(data);
        Files.move(dataDir.resolve("old-data.keys.properties"), data.resolve(KeyFile.FILE_NAME));
        List<String> warnings = new ArrayList<>();
        assertThat(KeySettings.resolve(new MockEnvironment(), true, data, true, warnings::add)).isEqualTo(keys);
        assertThat(warnings).singleElement().asString().contains("kept in the data directory").contains("BOUSSOLE_KEY_FILE");
    }

    @Test
    void the_key_file_may_be_put_anywhere_with_its_variable() {
        Path file = dataDir.resolve("secrets").resolve("boussole-keys.properties");
        MockEnvironment env = new MockEnvironment().withProperty(KeySettings.KEY_FILE, file.toString());
        Map<String, String> keys = KeySettings.resolve(env, true, dataDir.resolve("data"));
        assertThat(file).exists();
        assertThat(KeySettings.resolve(env, true, dataDir.resolve("data"), true, line -> { })).isEqualTo(keys);
    }

    @Test
    void with_the_embedded_store_one_key_alone_is_refused() {
        MockEnvironment env = new MockEnvironment().withProperty(KeySettings.DATA_KEYS, KeyRing.newKeySetting("k1"));
        assertThatThrownBy(() -> KeySettings.resolve(env, true, dataDir))
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> assertThat(e.variable()).isEqualTo("BOUSSOLE_LOOKUP_KEY"));
    }
}
