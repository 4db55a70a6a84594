package fr.boussole.console.security;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * Failed sign-ins counted under one key: an email (whether or not an account has it, so that lockout
 * tells nothing about which emails exist) or a client address.
 *
 * @param key         {@code email:<email>} or {@code address:<ip>}, so that no email can pose as an address
 * @param failures    failures counted since {@code since}
 * @param lockedUntil set once the count reaches its limit
 * @param since       time of the first failure counted
 */
@Document("console_login_throttle")
record LoginThrottle(@Id String key, int failures, Instant lockedUntil, Instant since) {

    boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }
}
