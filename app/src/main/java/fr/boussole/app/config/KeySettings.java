package fr.boussole.app.config;

import fr.boussole.core.settings.InvalidSettingException;
import fr.boussole.core.privacy.KeyRing;
import fr.boussole.core.privacy.LookupKey;
import fr.boussole.core.privacy.PersonalData;
import org.springframework.core.env.Environment;

import java.nio.file.Path;
import java.util.Map;

/**
 * The keys of personal data at rest: {@code BOUSSOLE_DATA_KEYS} (AES-256 keys, the first seals) and
 * {@code BOUSSOLE_LOOKUP_KEY} (the HMAC key of lookup fields). With a MongoDB of one's own both are
 * required; with the embedded store and neither set, they are generated once into a key file beside the
 * data directory ({@code ${BOUSSOLE_DATA_DIR}.keys.properties}, or {@code BOUSSOLE_KEY_FILE}) and read
 * from there after ({@link KeyFile}).
 */
public final class KeySettings {

    public static final String DATA_KEYS = "boussole.data-keys";
    public static final String LOOKUP_KEY = "boussole.lookup-key";
    /** Where the embedded store's generated keys are kept ({@code BOUSSOLE_KEY_FILE}): beside the data directory by default. */
    public static final String KEY_FILE = "boussole.key-file";
    static final String DATA_KEYS_VARIABLE = "BOUSSOLE_DATA_KEYS";
    static final String LOOKUP_KEY_VARIABLE = "BOUSSOLE_LOOKUP_KEY";

    private KeySettings() {}

    /**
     * Checks the keys and returns the properties to add (the key file's, for the embedded store when
     * none is given), so that {@link #personalData} finds both.
     */
    public static Map<String, String> resolve(Environment env, boolean embedded, Path dataDir) {
        return resolve(env, embedded, dataDir, false, line -> { });
    }

    /**
     * @param storeExists whether the embedded store's data directory already holds a store: its keys are then
     *                    never generated anew (they would not open it)
     * @param warn        receives one line when the key file is inside the data directory
     */
    public static Map<String, String> resolve(Environment env, boolean embedded, Path dataDir, boolean storeExists,
                                              java.util.function.Consumer<String> warn) {
        String dataKeys = blankToNull(env.getProperty(DATA_KEYS));
        String lookupKey = blankToNull(env.getProperty(LOOKUP_KEY));
        if (embedded && dataKeys == null && lookupKey == null) {
            String keyFile = blankToNull(env.getProperty(KEY_FILE));
            Map<String, String> generated = KeyFile.loadOrCreate(dataDir, keyFile == null ? null : Path.of(keyFile),
                    storeExists, warn);
            personalData(generated.get(DATA_KEYS), generated.get(LOOKUP_KEY));
            return generated;
        }
        String why = embedded ? "required when the other key is set" : "required with MONGODB_URI";
        if (dataKeys == null) {
            throw new InvalidSettingException(DATA_KEYS_VARIABLE, why + " (keyId:base64 of 32 random bytes, comma-separated)");
        }
        if (lookupKey == null) {
            throw new InvalidSettingException(LOOKUP_KEY_VARIABLE, why + " (base64 of at least 32 random bytes)");
        }
        personalData(dataKeys, lookupKey);
        return Map.of();
    }

    /** @throws InvalidSettingException naming the malformed variable */
    public static PersonalData personalData(String dataKeys, String lookupKey) {
        KeyRing ring;
        try {
            ring = KeyRing.parse(dataKeys);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(DATA_KEYS_VARIABLE, e.getMessage());
        }
        try {
            return new PersonalData(ring, LookupKey.parse(lookupKey));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(LOOKUP_KEY_VARIABLE, e.getMessage());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
