package fr.boussole.core.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under a secret key: the same value always gives the same lookup key, so records are
 * found by exact match, while without the key nobody can test guesses (a phone number has only about
 * 10^9 candidates: a plain hash would give it away in seconds).
 */
public final class LookupKey {

    /** Initialised once; each hash works on a clone (a few times cheaper than a new Mac and its init). */
    private final Mac prototype;

    private LookupKey(byte[] key) {
        try {
            this.prototype = Mac.getInstance("HmacSHA256");
            prototype.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** @throws IllegalArgumentException when not base64 of at least 32 bytes */
    public static LookupKey parse(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException("no key given (base64 of at least 32 random bytes)");
        }
        byte[] bytes = KeyRing.decode(base64, "the lookup key");
        if (bytes.length < 32) {
            throw new IllegalArgumentException("the lookup key is " + bytes.length + " bytes, at least 32 needed");
        }
        return new LookupKey(bytes);
    }

    public static String newKeySetting() {
        return Base64.getEncoder().encodeToString(KeyRing.randomBytes(32));
    }

    /** 256 bits as unpadded base64url: 43 characters, safe in an _id. */
    public String hash(String value) {
        try {
            Mac mac = (Mac) prototype.clone();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's HmacSHA256 can be cloned", e);
        }
    }
}
