package fr.boussole.console.security;

import org.springframework.security.core.Authentication;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * What a session was opened on: a digest of the account as it was at sign-in (its password hash, whether
 * it is active, its role, organisation and territory). Kept in the session's authentication, next to the
 * client's details, and compared on every request with the account as it is now ({@link SessionCheck}):
 * a password changed by anyone, a deactivation or a change of role or scope ends every session opened
 * before it, at once, on every instance, whichever code made the change.
 *
 * @param stamp   the digest (never the hash itself: the session keeps no password hash)
 * @param details the client's details at sign-in (address, session id)
 */
record SessionStamp(String stamp, Object details) {

    static SessionStamp of(ConsoleUser account, Object details) {
        return new SessionStamp(digest(account), details);
    }

    /**
     * The stamp a session holds: the one recorded at sign-in; for an authentication made another way whose
     * principal still carries its password hash, that principal's; else none (and the session is refused).
     */
    static String of(Authentication authentication) {
        if (authentication.getDetails() instanceof SessionStamp recorded) {
            return recorded.stamp();
        }
        if (authentication.getPrincipal() instanceof ConsoleUser user && user.passwordHash() != null) {
            return digest(user);
        }
        return null;
    }

    /** The digest of an account as loaded from the store, password hash included. */
    static String digest(ConsoleUser account) {
        String fields = String.join("\u0000", account.accountId(), account.email(), String.valueOf(account.passwordHash()),
                String.valueOf(account.enabled()), String.valueOf(account.role()), String.valueOf(account.organisationId()),
                String.valueOf(account.territoryId()));
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(fields.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
