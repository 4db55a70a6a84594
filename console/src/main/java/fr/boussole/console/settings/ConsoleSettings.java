package fr.boussole.console.settings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * The console's settings, under {@code boussole.*} (the app maps the contract's environment variables).
 *
 * @param publicBaseUrl     where the app is reached; alert links start with it
 * @param resetLinkValidity how long a password-reset link works
 * @param maxLoginFailures  failed sign-ins in a row before the account is locked
 * @param lockDuration      how long a locked account stays locked
 * @param dueSoonWithin     a request is "due soon" when its due date is closer than this
 */
@ConfigurationProperties("boussole")
public record ConsoleSettings(
        @DefaultValue("http://localhost:8080") String publicBaseUrl,
        @DefaultValue("1h") Duration resetLinkValidity,
        @DefaultValue("5") int maxLoginFailures,
        @DefaultValue("15m") Duration lockDuration,
        @DefaultValue("1d") Duration dueSoonWithin) {

    public ConsoleSettings {
        publicBaseUrl = stripTrailingSlash(publicBaseUrl);
        URI uri;
        try {
            uri = URI.create(publicBaseUrl);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("PUBLIC_BASE_URL is not a URL: " + publicBaseUrl);
        }
        if (uri.getScheme() == null || uri.getHost() == null
                || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new IllegalArgumentException("PUBLIC_BASE_URL must be an http(s) URL, got: " + publicBaseUrl);
        }
        if (maxLoginFailures < 1) {
            throw new IllegalArgumentException("BOUSSOLE_MAX_LOGIN_FAILURES must be at least 1");
        }
    }

    /** True when the public URL is https: cookies are then marked Secure. */
    public boolean https() {
        return publicBaseUrl.startsWith("https:");
    }

    /** True when the public URL names this machine (a developer's set-up, where plain http is fine). */
    public boolean localhost() {
        String host = URI.create(publicBaseUrl).getHost();
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
    }

    /** An absolute link to a console path ("/console/..."). */
    public String link(String path) {
        return publicBaseUrl + path;
    }

    private static String stripTrailingSlash(String url) {
        return url != null && url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
