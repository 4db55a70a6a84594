package fr.boussole.app.config;

import fr.boussole.core.privacy.KeyRing;
import fr.boussole.core.privacy.LookupKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
        Map<String, String> first = KeySettings.resolve(new MockEnvironment(), true, dataDir);
        Path file = dataDir.resolve(KeyFile.FILE_NAME);
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(first.get(KeySettings.DATA_KEYS)).startsWith("k1:");
        assertThat(KeySettings.resolve(new MockEnvironment(), true, dataDir)).isEqualTo(first);
    }

    @Test
    void with_the_embedded_store_one_key_alone_is_refused() {
        MockEnvironment env = new MockEnvironment().withProperty(KeySettings.DATA_KEYS, KeyRing.newKeySetting("k1"));
        assertThatThrownBy(() -> KeySettings.resolve(env, true, dataDir))
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> assertThat(e.variable()).isEqualTo("BOUSSOLE_LOOKUP_KEY"));
    }
}
