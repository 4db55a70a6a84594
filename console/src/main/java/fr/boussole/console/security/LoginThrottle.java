package fr.boussole.console.security;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * Failed sign-ins in a row for one email (whether or not an account has it, so that lockout tells
 * nothing about which emails exist).
 */
@Document("console_login_throttle")
record LoginThrottle(@Id String email, int failures, Instant lockedUntil) {

    boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }
}
