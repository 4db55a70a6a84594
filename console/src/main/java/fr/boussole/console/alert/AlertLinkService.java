package fr.boussole.console.alert;

import fr.boussole.core.ids.Tokens;
import fr.boussole.console.settings.ConsoleSettings;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Issues alert links and tells what a presented token opens. */
@Service
public class AlertLinkService {

    /** What a presented token turned out to be. */
    public sealed interface Check {
        record Valid(AlertLink link) implements Check {}
        record Expired() implements Check {}
        record Unknown() implements Check {}
    }

    private final AlertLinks links;
    private final ConsoleSettings settings;
    private final Clock clock;

    AlertLinkService(AlertLinks links, ConsoleSettings settings, Clock clock) {
        this.links = links;
        this.settings = settings;
        this.clock = clock;
    }

    /** A new link: its token goes only in the email. */
    public record Issued(String url, Instant expiresAt) {}

    /** Stores a new link for this request and recipient. */
    public Issued issue(String requestId, String recipient) {
        String token = Tokens.newToken();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(settings.alertLinkValidity());
        links.save(new AlertLink(Tokens.hash(token), requestId, recipient, now, expiresAt));
        return new Issued(settings.link("/console/alerte/" + token), expiresAt);
    }

    public Check check(String token) {
        if (!Tokens.wellFormed(token)) {
            return new Check.Unknown();
        }
        Optional<AlertLink> link = links.findById(Tokens.hash(token));
        if (link.isEmpty()) {
            return new Check.Unknown();
        }
        return link.get().expiredAt(clock.instant()) ? new Check.Expired() : new Check.Valid(link.get());
    }
}
