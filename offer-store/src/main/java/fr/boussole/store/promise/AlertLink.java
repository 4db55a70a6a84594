package fr.boussole.store.promise;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A link sent in an alert, stored by the SHA-256 hash of its token: the token itself is only in the
 * email, so a copy of the database opens nothing.
 *
 * @param tokenHash   hex SHA-256 of the token
 * @param requestId   the only request it opens
 * @param recipient   the alert contact it was sent to (recorded as the author of follow-ups)
 * @param expiresAt   refused from this instant on
 * @param action      what it does; null on links stored before actions existed, which open the page
 * @param usedAt      when a single-use link was used, or null
 * @param reissuedAt  when a fresh link was last sent in its place (at most one an hour), or null
 */
// The collection keeps the name it had when the console held the promises: stored links keep opening.
@Document("console_alert_links")
public record AlertLink(@Id String tokenHash, String requestId, String recipient,
                        Instant createdAt, Instant expiresAt, LinkAction action, Instant usedAt, Instant reissuedAt) {

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** What the link does (links stored before actions existed open the page). */
    public LinkAction does() {
        return action == null ? LinkAction.OPEN : action;
    }

    public boolean used() {
        return usedAt != null;
    }
}
