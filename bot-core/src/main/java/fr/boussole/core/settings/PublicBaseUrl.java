package fr.boussole.core.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where the application is reached from outside ({@code PUBLIC_BASE_URL}): Twilio signatures are
 * checked against it, links in emails and webhooks are built on it, cookies are {@code Secure} when
 * it is https. Read and checked once, at start-up; every module is handed this value.
 */
public final class PublicBaseUrl {

    public static final String VARIABLE = "PUBLIC_BASE_URL";

    private final String base;
    private final URI uri;

    private PublicBaseUrl(String base, URI uri) {
        this.base = base;
        this.uri = uri;
    }

    /** @throws InvalidSettingException naming {@code PUBLIC_BASE_URL} when it is not an absolute http(s) URL */
    public static PublicBaseUrl parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidSettingException(VARIABLE, "missing");
        }
        String base = raw.strip().replaceAll("/+$", "");
        URI uri;
        try {
            uri = new URI(base);
        } catch (URISyntaxException e) {
            throw new InvalidSettingException(VARIABLE, "not a URL: " + raw.strip());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new InvalidSettingException(VARIABLE, "not an absolute http(s) URL, e.g. https://bot.example.org: " + raw.strip());
        }
        return new PublicBaseUrl(base, uri);
    }

    /** The public URL of a path of this application (a path starting with a slash). */
    public String of(String path) {
        return base + path;
    }

    /** True when the URL is https: cookies are then marked Secure. */
    public boolean https() {
        return uri.getScheme().equalsIgnoreCase("https");
    }

    /** True when the URL names this machine (a developer's set-up, where plain http is fine). */
    public boolean localhost() {
        String host = uri.getHost();
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PublicBaseUrl url && url.base.equals(base);
    }

    @Override
    public int hashCode() {
        return base.hashCode();
    }

    @Override
    public String toString() {
        return base;
    }
}
