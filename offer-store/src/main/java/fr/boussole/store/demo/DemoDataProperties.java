package fr.boussole.store.demo;

import fr.boussole.core.settings.InvalidSettingException;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo data set's settings, {@code boussole.store.demo.*} (the application maps the contract's variables
 * to them).
 *
 * @param enabled  load the demo territory, organisations, offers and accounts into an empty store
 *                 ({@code BOUSSOLE_DEMO_DATA})
 * @param password the password of every demo account ({@code BOUSSOLE_DEMO_PASSWORD}), stored hashed
 */
@ConfigurationProperties("boussole.store.demo")
public record DemoDataProperties(Boolean enabled, String password) {

    public static final String DEFAULT_PASSWORD = "boussole-demo";

    public DemoDataProperties {
        enabled = enabled != null && enabled; // unset (empty in application.yml until the app derives it): off
        password = password == null || password.isBlank() ? DEFAULT_PASSWORD : password;
        if (enabled && password.length() < 8) {
            throw new InvalidSettingException("BOUSSOLE_DEMO_PASSWORD", "must have at least 8 characters");
        }
    }
}
