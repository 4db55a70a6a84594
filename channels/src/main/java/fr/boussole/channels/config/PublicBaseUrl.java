package fr.boussole.channels.config;

import fr.boussole.core.settings.InvalidSettingException;
import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The URL the application is reached at from outside (PUBLIC_BASE_URL): signatures and webhooks are built on it. */
@Component("channelsPublicBaseUrl")
public class PublicBaseUrl {

    private final String base;

    PublicBaseUrl(@Value("${boussole.public-base-url:http://localhost:${server.port:8080}}") String base) {
        URI uri;
        try {
            uri = URI.create(base.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException("PUBLIC_BASE_URL", "not a URL");
        }
        if (uri.getScheme() == null || uri.getHost() == null
                || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new InvalidSettingException("PUBLIC_BASE_URL", "must be an absolute http(s) URL, e.g. https://bot.example.org");
        }
        this.base = base.strip().replaceAll("/+$", "");
    }

    /** The public URL of a path of this application (path starting with a slash). */
    public String of(String path) {
        return base + path;
    }
}
