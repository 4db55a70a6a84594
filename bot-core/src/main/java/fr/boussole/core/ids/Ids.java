package fr.boussole.core.ids;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The one id scheme: 128-bit values written as 26 lower-case base-32 characters, prefixed by a kind
 * ("cr_", "ob_"...). Random ids for new things; derived ids (a hash of their sources) for things
 * that must come out the same when a step is replayed after a crash.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

    private Ids() {}

    public static String random(String kind) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return kind + "_" + encode(bytes);
    }

    /** The same sources always give the same id; different sources, different ids. */
    public static String derived(String kind, String... sources) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String source : sources) {
                byte[] b = source.getBytes(StandardCharsets.UTF_8);
                sha.update(HexFormat.of().parseHex(String.format("%08x", b.length)));
                sha.update(b);
            }
            byte[] digest = sha.digest();
            byte[] head = new byte[16];
            System.arraycopy(digest, 0, head, 0, 16);
            return kind + "_" + encode(head);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder(26);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET[(buffer << (5 - bits)) & 31]);
        }
        return out.toString();
    }
}
