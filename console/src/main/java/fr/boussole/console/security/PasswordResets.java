package fr.boussole.console.security;

import fr.boussole.core.ids.Tokens;
import fr.boussole.console.audit.AuditAction;
import fr.boussole.console.audit.AuditLog;
import fr.boussole.store.mail.MailTemplates;
import fr.boussole.console.settings.ConsoleSettings;
import fr.boussole.core.settings.PublicBaseUrl;
import fr.boussole.core.delivery.Delivery;
import fr.boussole.core.delivery.Outbox;
import fr.boussole.core.ids.Ids;
import fr.boussole.core.message.Channel;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Password reset by email: a random link, valid for a short while, usable once. */
@Service
public class PasswordResets {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PasswordResets.class);

    public static final int MIN_LENGTH = 12;

    private final ConsoleAccounts accounts;
    private final MongoTemplate mongo;
    /** The console's own emails ({@code templates/console/mail/}). */
    private final MailTemplates templates = new MailTemplates("templates/console/mail/", "console-messages");
    private final Outbox outbox;
    private final PasswordEncoder encoder;
    private final Lockout lockout;
    private final AuditLog audit;
    private final ConsoleSettings settings;
    private final PublicBaseUrl publicBaseUrl;
    private final Attempts attempts;
    private final ResetLimits limits;
    private final Clock clock;

    PasswordResets(ConsoleAccounts accounts, MongoTemplate mongo, Outbox outbox,
                   PasswordEncoder encoder, Lockout lockout, AuditLog audit, ConsoleSettings settings,
                   PublicBaseUrl publicBaseUrl, Attempts attempts, ResetLimits limits, Clock clock) {
        this.accounts = accounts;
        this.mongo = mongo;
        this.outbox = outbox;
        this.encoder = encoder;
        this.lockout = lockout;
        this.audit = audit;
        this.settings = settings;
        this.publicBaseUrl = publicBaseUrl;
        this.attempts = attempts;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Emails a link when the account exists and neither the email nor the client address has asked too
     * often within the window ({@link ResetLimits}); says nothing either way, so that emails cannot be
     * probed and a refusal cannot be told from a sending. Each request is reserved on both keys, known
     * email or not, before anything is looked up.
     */
    public void requestFor(String email, String address) {
        Instant now = clock.instant();
        String typed = email == null ? "" : email.trim();
        if (!attempts.reserve("reset-address:" + (address == null ? "" : address), now, limits.perAddress())
                || !attempts.reserve("reset-email:" + Lockout.normalised(typed), now, limits.perEmail())) {
            log.info("Password reset request refused: too many for this email or from this address");
            return;
        }
        accounts.byEmail(typed).ifPresent(user -> {
            String token = Tokens.newToken();
            String hash = Tokens.hash(token);
            Instant expiresAt = clock.instant().plus(settings.resetLinkValidity());
            mongo.insert(new PasswordResetToken(hash, user.accountId(), user.email(), expiresAt, null));
            var mail = templates.render("password-reset", Map.of(
                    "link", publicBaseUrl.of("/console/mot-de-passe/nouveau/" + token),
                    "minutes", settings.resetLinkValidity().toMinutes()));
            outbox.enqueue(new Delivery(Ids.derived("ob", "password-reset", hash), Channel.EMAIL, user.email(),
                    null, 0, 1, mail));
        });
    }

    /** True while the link can still be used. */
    public boolean usable(String token) {
        return find(token).filter(t -> t.usedAt() == null && clock.instant().isBefore(t.expiresAt())).isPresent();
    }

    /** Spends the token and sets the new password; false when the token is unknown, used or expired. */
    public boolean reset(String token, String newPassword) {
        if (!Tokens.wellFormed(token) || newPassword == null || newPassword.length() < MIN_LENGTH) {
            return false;
        }
        Instant now = clock.instant();
        // Marked used in one atomic step, so two submissions of the same link cannot both succeed.
        PasswordResetToken spent = mongo.findAndModify(
                new Query(Criteria.where("_id").is(Tokens.hash(token)).and("usedAt").is(null).and("expiresAt").gt(now)),
                new Update().set("usedAt", now), PasswordResetToken.class);
        if (spent == null) {
            return false;
        }
        accounts.changePassword(spent.accountId(), encoder.encode(newPassword));
        lockout.cleared(spent.email());
        accounts.byEmail(spent.email()).ifPresent(user -> audit.record(user.territoryId(), user.organisationId(),
                user.accountId(), AuditAction.PASSWORD_RESET, user.accountId()));
        return true;
    }

    private Optional<PasswordResetToken> find(String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findById(Tokens.hash(token), PasswordResetToken.class));
    }
}
