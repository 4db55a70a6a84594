package fr.boussole.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Fails when a sealed value leaks its content, opens after tampering, or a rotation loses old values. */
class KeyRingTest {

    private static final String OLD = KeyRing.newKeySetting("k1");
    private static final String NEW = KeyRing.newKeySetting("k2");

    @Test
    void a_sealed_value_opens_to_what_was_sealed_and_shows_nothing_of_it() {
        KeyRing ring = KeyRing.parse(OLD);
        String sealed = ring.seal(bytes("+33612345678"));
        assertThat(sealed).startsWith("k1:").doesNotContain("612345678");
        assertThat(new String(ring.open(sealed), StandardCharsets.UTF_8)).isEqualTo("+33612345678");
    }

    @Test
    void the_same_value_sealed_twice_looks_different_each_time() {
        KeyRing ring = KeyRing.parse(OLD);
        assertThat(ring.seal(bytes("bonjour"))).isNotEqualTo(ring.seal(bytes("bonjour")));
    }

    @Test
    void an_altered_value_is_refused_with_a_clear_error() {
        KeyRing ring = KeyRing.parse(OLD);
        String sealed = ring.seal(bytes("lea@example.org"));
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        raw[raw.length / 2] ^= 1;
        String altered = "k1:" + Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> ring.open(altered)).isInstanceOf(SealingException.class).hasMessageContaining("altered");
    }

    @Test
    void a_value_sealed_under_an_unknown_key_id_names_the_missing_key() {
        String sealed = KeyRing.parse(NEW).seal(bytes("x"));
        assertThatThrownBy(() -> KeyRing.parse(OLD).open(sealed)).isInstanceOf(SealingException.class)
                .hasMessageContaining("key k2").hasMessageContaining("BOUSSOLE_DATA_KEYS");
    }

    @Test
    void a_same_id_with_another_key_does_not_open() {
        String sealed = KeyRing.parse(OLD).seal(bytes("x"));
        assertThatThrownBy(() -> KeyRing.parse(KeyRing.newKeySetting("k1")).open(sealed)).isInstanceOf(SealingException.class);
    }

    @Test
    void garbage_is_not_a_sealed_value() {
        KeyRing ring = KeyRing.parse(OLD);
        assertThatThrownBy(() -> ring.open("+33612345678")).isInstanceOf(SealingException.class);
        assertThatThrownBy(() -> ring.open("k1:%%%")).isInstanceOf(SealingException.class);
        assertThatThrownBy(() -> ring.open("k1:AAAA")).isInstanceOf(SealingException.class);
    }

    @Test
    void after_a_rotation_the_new_key_seals_and_both_open() {
        String before = KeyRing.parse(OLD).seal(bytes("ancien"));
        KeyRing rotated = KeyRing.parse(NEW + "," + OLD);
        assertThat(new String(rotated.open(before), StandardCharsets.UTF_8)).isEqualTo("ancien");
        assertThat(rotated.isCurrent(before)).isFalse();
        String after = rotated.seal(bytes("nouveau"));
        assertThat(after).startsWith("k2:");
        assertThat(rotated.isCurrent(after)).isTrue();
    }

    @Test
    void malformed_settings_are_refused_without_showing_the_key() {
        assertThatThrownBy(() -> KeyRing.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyRing.parse("nokeyid")).hasMessageContaining("keyId:base64");
        assertThatThrownBy(() -> KeyRing.parse("k1:" + Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("16 bytes, not 32");
        assertThatThrownBy(() -> KeyRing.parse("k1:not base64!")).hasMessageContaining("not base64");
        assertThatThrownBy(() -> KeyRing.parse(OLD + "," + OLD.replaceFirst(":.*", ":") + OLD.substring(3)))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> KeyRing.parse("bad id:" + OLD.substring(3))).hasMessageContaining("key id");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
