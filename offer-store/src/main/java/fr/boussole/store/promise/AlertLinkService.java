package fr.boussole.store.promise;

import fr.boussole.core.ids.Tokens;
import fr.boussole.core.settings.PublicBaseUrl;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * The password-less links an alert carries: issues them, tells what a presented token opens, spends
 * the single-use ones, and deletes them a while after they expire (TTL indexes expire nothing on the
 * embedded store).
 */
@Service
public class AlertLinkService {

    /** Kept a while after expiry, so that a late click still gets the "expired" page (and a fresh link) rather than "unknown". */
    static final Duration KEEP_EXPIRED = Duration.ofDays(30);
    /** The console's page that a link opens, followed by the token. */
    public static final String PATH = "/console/alerte/";

    /** What a presented token turned out to be. */
    public sealed interface Check {
        record Valid(AlertLink link) implements Check {}
        /** A single-use link used already. */
        record Used(AlertLink link) implements Check {}
        record Expired() implements Check {}
        record Unknown() implements Check {}
    }

    private final AlertLinks links;
    private final MongoTemplate mongo;
    private final PromiseSettings settings;
    private final PublicBaseUrl publicBaseUrl;
    private final Clock clock;

    AlertLinkService(AlertLinks links, MongoTemplate mongo, PromiseSettings settings, PublicBaseUrl publicBaseUrl,
                     Clock clock) {
        this.links = links;
        this.mongo = mongo;
        this.settings = settings;
        this.publicBaseUrl = publicBaseUrl;
        this.clock = clock;
    }

    /** A new link: its token goes only in the email. */
    public record Issued(String url, Instant expiresAt) {}

    /** Stores a new link to the request's page for this recipient. */
    public Issued issue(String requestId, String recipient) {
        return issue(requestId, recipient, LinkAction.OPEN);
    }

    /** Stores a new link of this kind for this request and recipient. */
    public Issued issue(String requestId, String recipient, LinkAction action) {
        String token = Tokens.newToken();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(settings.alertLinkValidity());
        links.save(new AlertLink(Tokens.hash(token), requestId, recipient, now, expiresAt, action, null, null));
        return new Issued(publicBaseUrl.of(PATH + token), expiresAt);
    }

    public Check check(String token) {
        Optional<AlertLink> link = find(token);
        if (link.isEmpty()) {
            return new Check.Unknown();
        }
        if (link.get().expiredAt(clock.instant())) {
            return new Check.Expired();
        }
        return link.get().used() ? new Check.Used(link.get()) : new Check.Valid(link.get());
    }

    /** The link behind a token, expired or not. */
    Optional<AlertLink> find(String token) {
        return Tokens.wellFormed(token) ? links.findById(Tokens.hash(token)) : Optional.empty();
    }

    /**
     * Spends a single-use link: of two clicks at once (or a click and a retry), one gets the link and
     * the other nothing. Empty as well when the link is unknown, expired or used already.
     */
    public Optional<AlertLink> use(String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Query unused = Query.query(Criteria.where("_id").is(Tokens.hash(token)).and("usedAt").is(null)
                .and("expiresAt").gt(now)
                .and("action").in(Arrays.stream(LinkAction.values()).filter(LinkAction::singleUse).toList()));
        return Optional.ofNullable(mongo.findAndModify(unused, new Update().set("usedAt", now),
                FindAndModifyOptions.options().returnNew(true), AlertLink.class));
    }

    /**
     * Claims the right to send a fresh link in place of this one: once an hour at most, so that a
     * forwarded expired link cannot flood the recipient's mailbox. The fresh link goes to the same
     * recipient only.
     */
    Optional<AlertLink> claimReissue(String token, Duration every) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Query due = Query.query(Criteria.where("_id").is(Tokens.hash(token)).orOperator(
                Criteria.where("reissuedAt").is(null), Criteria.where("reissuedAt").lte(now.minus(every))));
        return Optional.ofNullable(mongo.findAndModify(due, new Update().set("reissuedAt", now),
                FindAndModifyOptions.options().returnNew(true), AlertLink.class));
    }

    @Scheduled(cron = "${boussole.store.promises.purge-cron:0 10 4 * * *}", zone = "Europe/Paris")
    @SchedulerLock(name = "alert-link-purge", lockAtMostFor = "30m")
    public void purge() {
        links.deleteExpiredBefore(clock.instant().minus(KEEP_EXPIRED));
    }
}
