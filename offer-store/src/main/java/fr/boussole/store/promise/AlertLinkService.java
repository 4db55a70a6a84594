package fr.boussole.store.promise;

import fr.boussole.core.ids.Tokens;
import fr.boussole.core.settings.PublicBaseUrl;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The password-less links an alert carries: issues them, tells what a presented token opens, and
 * deletes them a while after they expire (TTL indexes expire nothing on the embedded store).
 */
@Service
public class AlertLinkService {

    /** Kept a while after expiry, so that a late click still gets the "expired" page rather than "unknown". */
    static final Duration KEEP_EXPIRED = Duration.ofDays(30);
    /** The console's page that a link opens, followed by the token. */
    public static final String PATH = "/console/alerte/";

    /** What a presented token turned out to be. */
    public sealed interface Check {
        record Valid(AlertLink link) implements Check {}
        record Expired() implements Check {}
        record Unknown() implements Check {}
    }

    private final AlertLinks links;
    private final PromiseSettings settings;
    private final PublicBaseUrl publicBaseUrl;
    private final Clock clock;

    AlertLinkService(AlertLinks links, PromiseSettings settings, PublicBaseUrl publicBaseUrl, Clock clock) {
        this.links = links;
        this.settings = settings;
        this.publicBaseUrl = publicBaseUrl;
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
        return new Issued(publicBaseUrl.of(PATH + token), expiresAt);
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

    @Scheduled(cron = "${boussole.store.promises.purge-cron:0 10 4 * * *}", zone = "Europe/Paris")
    @SchedulerLock(name = "alert-link-purge", lockAtMostFor = "30m")
    public void purge() {
        links.deleteExpiredBefore(clock.instant().minus(KEEP_EXPIRED));
    }
}
