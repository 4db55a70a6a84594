package fr.boussole.store.account;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A link to set an account's password, stored by the SHA-256 of its token (the token itself is only in
 * the link). Usable once, until it expires or a newer link for the same account replaces it.
 *
 * @param spentAt when the password was set with it, or when a newer link replaced it
 */
@Document("account_invitations")
public record AccountInvitation(@Id String tokenHash, @Indexed String accountId, Instant issuedAt, Instant expiresAt,
                                Instant spentAt) {

    public boolean usableAt(Instant now) {
        return spentAt == null && now.isBefore(expiresAt);
    }
}
