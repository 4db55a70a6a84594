package fr.boussole.store.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param demoData     load the demo territory, organisations, offers and accounts into an empty store
 *                     ({@code BOUSSOLE_DEMO_DATA})
 * @param demoPassword the password of every demo account ({@code BOUSSOLE_DEMO_PASSWORD}), stored hashed
 */
@ConfigurationProperties("boussole")
public record DemoDataProperties(boolean demoData, String demoPassword) {

    public static final String DEFAULT_PASSWORD = "boussole-demo";

    public DemoDataProperties {
        demoPassword = demoPassword == null || demoPassword.isBlank() ? DEFAULT_PASSWORD : demoPassword;
        if (demoData && demoPassword.length() < 8) {
            throw new IllegalArgumentException(
                    "BOUSSOLE_DEMO_PASSWORD (boussole.demo-password) must have at least 8 characters");
        }
    }
}
