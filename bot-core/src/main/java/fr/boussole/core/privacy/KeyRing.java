package fr.boussole.core.privacy;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The data keys: AES-256 keys with short ids. The first key seals, every key opens, so that a
 * rotation is "put a new key first, re-seal, drop the old one". A sealed value is
 * {@code keyId!base64(nonce | ciphertext | tag)} with a random 96-bit nonce per value (never reused
 * under one key for the 2^32 values NIST allows per key with random nonces) and its place
 * ({@link SealedField}: collection, document id, field) as associated data. Values of the earlier form
 * {@code keyId:base64(...)}, sealed without associated data, still open; the re-seal binds them.
 */
public final class KeyRing {

    static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Separates the key id of a value bound to its place (the only form written). */
    static final char BOUND = '!';
    /** Separates the key id of a value of the earlier form, sealed without associated data (read only). */
    static final char UNBOUND = ':';

    private final String currentId;
    private final Map<String, SecretKey> keys;

    private KeyRing(Map<String, SecretKey> keys) {
        this.keys = Map.copyOf(keys);
        this.currentId = keys.keySet().iterator().next();
    }

    /**
     * Reads {@code id:base64,id:base64,...} (the first seals).
     *
     * @throws IllegalArgumentException naming what is wrong, never showing a key
     */
    public static KeyRing parse(String setting) {
        if (setting == null || setting.isBlank()) {
            throw new IllegalArgumentException("no key given (keyId:base64 of 32 random bytes)");
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        for (String entry : setting.split(",")) {
            String trimmed = entry.strip();
            int colon = trimmed.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("each key is keyId:base64 of 32 random bytes");
            }
            String id = trimmed.substring(0, colon);
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("a key id is 1-32 characters of A-Z, a-z, 0-9, _ and -");
            }
            byte[] bytes = decode(trimmed.substring(colon + 1), "key " + id);
            if (bytes.length != 32) {
                throw new IllegalArgumentException("key " + id + " is " + bytes.length + " bytes, not 32");
            }
            if (keys.put(id, new SecretKeySpec(bytes, "AES")) != null) {
                throw new IllegalArgumentException("key id " + id + " given twice");
            }
        }
        return new KeyRing(keys);
    }

    /** A setting holding one new random key under this id, for a first start or a rotation. */
    public static String newKeySetting(String id) {
        if (!KEY_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a key id is 1-32 characters of A-Z, a-z, 0-9, _ and -");
        }
        return id + ":" + Base64.getEncoder().encodeToString(randomBytes(32));
    }

    public String currentKeyId() {
        return currentId;
    }

    /**
     * Seals a value bound to its place: {@code keyId!base64(nonce | ciphertext | tag)}, with the place
     * as AES-GCM's associated data ({@link SealedField}).
     */
    public String seal(byte[] clear, SealedField where) {
        byte[] nonce = randomBytes(NONCE_BYTES);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(where.associatedData());
            byte[] sealed = cipher.doFinal(clear);
            return currentId + BOUND + Base64.getEncoder().withoutPadding().encodeToString(
                    ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is part of every JDK", e);
        }
    }

    /**
     * Opens a value sealed at {@code where}. A value of the earlier, unbound form ({@code keyId:...},
     * sealed before values were bound to their place) opens without associated data, until the re-seal
     * binds it.
     *
     * @throws SealingException when the value was altered, sealed for another place, or under a key no
     *                          longer given
     */
    public byte[] open(String sealed, SealedField where) {
        int separator = separatorOf(sealed);
        String id = sealed.substring(0, separator);
        SecretKey key = keys.get(id);
        if (key == null) {
            throw new SealingException("sealed with key " + id + ", which is not in BOUSSOLE_DATA_KEYS");
        }
        boolean bound = sealed.charAt(separator) == BOUND;
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(sealed.substring(separator + 1));
        } catch (IllegalArgumentException e) {
            throw new SealingException("not a sealed value (bad base64)");
        }
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SealingException("not a sealed value (too short)");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            if (bound) {
                cipher.updateAAD(where.associatedData());
            }
            return cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new SealingException(bound
                    ? "sealed value altered, moved from another document or field than " + where + ", or sealed under another key with id " + id
                    : "sealed value altered or sealed under another key with id " + id, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is part of every JDK", e);
        }
    }

    /** True when this sealed value is under the current key and bound to its place (nothing to re-seal). */
    public boolean isCurrent(String sealed) {
        int separator = separatorOf(sealed);
        return currentId.equals(sealed.substring(0, separator)) && sealed.charAt(separator) == BOUND;
    }

    /** True when the value has a sealed form ({@code keyId!base64}, or the earlier {@code keyId:base64}) with a key id of this ring. */
    public boolean looksSealed(String value) {
        if (value == null) {
            return false;
        }
        int separator = indexOfSeparator(value);
        return separator > 0 && keys.containsKey(value.substring(0, separator));
    }

    private static int separatorOf(String sealed) {
        int separator = sealed == null ? -1 : indexOfSeparator(sealed);
        if (separator <= 0) {
            throw new SealingException("not a sealed value (no key id)");
        }
        return separator;
    }

    /** Key ids hold neither separator; base64 holds neither either. */
    private static int indexOfSeparator(String value) {
        for (int i = 0; i < value.length() && i <= 32; i++) {
            char c = value.charAt(i);
            if (c == BOUND || c == UNBOUND) {
                return i;
            }
        }
        return -1;
    }

    static byte[] decode(String base64, String what) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not base64");
        }
    }

    static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
