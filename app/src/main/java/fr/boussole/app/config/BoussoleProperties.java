package fr.boussole.app.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.nio.file.Path;

/**
 * The platform's own settings (environment variables of the contract, mapped in application.yml).
 * Checked before the context starts by {@link StartupSettings}.
 */
@ConfigurationProperties("boussole")
public record BoussoleProperties(URI publicBaseUrl, Path dataDir, boolean demoData) {
}
