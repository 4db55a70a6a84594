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

    private static final SealedField HERE = new SealedField("contactRequests", "cr_1", "contactAddress");

    @Test
    void a_sealed_value_opens_to_what_was_sealed_and_shows_nothing_of_it() {
        KeyRing ring = KeyRing.parse(OLD);
        String sealed = ring.seal(bytes("+33612345678"), HERE);
        assertThat(sealed).startsWith("k1!").doesNotContain("612345678");
        assertThat(new String(ring.open(sealed, HERE), StandardCharsets.UTF_8)).isEqualTo("+33612345678");
    }

    /**
     * Fails if someone who can write to the store but holds no key can move a sealed value to another
     * document or field and have the application open it there (values were not bound to their place).
     */
    @Test
    void a_value_moved_to_another_document_or_field_or_collection_does_not_open() {
        KeyRing ring = KeyRing.parse(OLD);
        String sealed = ring.seal(bytes("+33612345678"), HERE);
        for (SealedField elsewhere : new SealedField[] {
                new SealedField("contactRequests", "cr_2", "contactAddress"),
                new SealedField("contactRequests", "cr_1", "outcomeComment"),
                new SealedField("inbound_messages", "cr_1", "contactAddress")}) {
            assertThatThrownBy(() -> ring.open(sealed, elsewhere)).as(elsewhere.toString())
                    .isInstanceOf(SealingException.class).hasMessageContaining("moved");
        }
    }

    @Test
    void a_value_of_the_earlier_unbound_form_still_opens_and_is_not_current() throws Exception {
        KeyRing ring = KeyRing.parse(OLD);
        String legacy = unbound(OLD, "k1", "ancien");
        assertThat(ring.looksSealed(legacy)).isTrue();
        assertThat(new String(ring.open(legacy, HERE), StandardCharsets.UTF_8)).isEqualTo("ancien");
        assertThat(ring.isCurrent(legacy)).as("to be bound by the re-seal").isFalse();
    }

    @Test
    void the_same_value_sealed_twice_looks_different_each_time() {
        KeyRing ring = KeyRing.parse(OLD);
        assertThat(ring.seal(bytes("bonjour"), HERE)).isNotEqualTo(ring.seal(bytes("bonjour"), HERE));
    }

    @Test
    void an_altered_value_is_refused_with_a_clear_error() {
        KeyRing ring = KeyRing.parse(OLD);
        String sealed = ring.seal(bytes("lea@example.org"), HERE);
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        raw[raw.length / 2] ^= 1;
        String altered = "k1!" + Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> ring.open(altered, HERE)).isInstanceOf(SealingException.class).hasMessageContaining("altered");
    }

    @Test
    void a_value_sealed_under_an_unknown_key_id_names_the_missing_key() {
        String sealed = KeyRing.parse(NEW).seal(bytes("x"), HERE);
        assertThatThrownBy(() -> KeyRing.parse(OLD).open(sealed, HERE)).isInstanceOf(SealingException.class)
                .hasMessageContaining("key k2").hasMessageContaining("BOUSSOLE_DATA_KEYS");
    }

    @Test
    void a_same_id_with_another_key_does_not_open() {
        String sealed = KeyRing.parse(OLD).seal(bytes("x"), HERE);
        assertThatThrownBy(() -> KeyRing.parse(KeyRing.newKeySetting("k1")).open(sealed, HERE)).isInstanceOf(SealingException.class);
    }

    @Test
    void garbage_is_not_a_sealed_value() {
        KeyRing ring = KeyRing.parse(OLD);
        assertThatThrownBy(() -> ring.open("+33612345678", HERE)).isInstanceOf(SealingException.class);
        assertThatThrownBy(() -> ring.open("k1:%%%", HERE)).isInstanceOf(SealingException.class);
        assertThatThrownBy(() -> ring.open("k1!AAAA", HERE)).isInstanceOf(SealingException.class);
    }

    @Test
    void after_a_rotation_the_new_key_seals_and_both_open() {
        String before = KeyRing.parse(OLD).seal(bytes("ancien"), HERE);
        KeyRing rotated = KeyRing.parse(NEW + "," + OLD);
        assertThat(new String(rotated.open(before, HERE), StandardCharsets.UTF_8)).isEqualTo("ancien");
        assertThat(rotated.isCurrent(before)).isFalse();
        String after = rotated.seal(bytes("nouveau"), HERE);
        assertThat(after).startsWith("k2!");
        assertThat(rotated.isCurrent(after)).isTrue();
    }

    /** A value as versions before associated data sealed it: AES-GCM without AAD, {@code keyId:base64}. */
    static String unbound(String setting, String id, String clear) throws Exception {
        byte[] key = Base64.getDecoder().decode(setting.substring(setting.indexOf(':') + 1));
        byte[] nonce = new byte[12];
        new java.security.SecureRandom().nextBytes(nonce);
        javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(key, "AES"),
                new javax.crypto.spec.GCMParameterSpec(128, nonce));
        byte[] sealed = cipher.doFinal(bytes(clear));
        return id + ":" + Base64.getEncoder().withoutPadding().encodeToString(
                java.nio.ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
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
