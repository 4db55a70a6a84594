package fr.boussole.app.testing;

import fr.boussole.app.config.KeySettings;
import fr.boussole.core.privacy.PersonalData;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The keys of personal data the test suite's own stores use: those of the test
 * {@code application.properties}, for child processes (which run without the test classpath) and
 * for tests that read the store raw.
 */
public final class TestKeys {

    private static final Properties KEYS = load();

    private TestKeys() {}

    public static String dataKeys() {
        return KEYS.getProperty(KeySettings.DATA_KEYS);
    }

    public static String lookupKey() {
        return KEYS.getProperty(KeySettings.LOOKUP_KEY);
    }

    /** The {@code Authorization} header value that opens {@code /actuator/prometheus} in the tests. */
    public static String metricsAuthorization() {
        return "Bearer " + KEYS.getProperty("boussole.metrics-token");
    }

    public static PersonalData personalData() {
        return KeySettings.personalData(dataKeys(), lookupKey());
    }

    private static Properties load() {
        try (InputStream in = TestKeys.class.getResourceAsStream("/application.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
