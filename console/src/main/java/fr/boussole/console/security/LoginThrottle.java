package fr.boussole.console.security;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * Attempts counted under one key ({@link Attempts}): an email (whether or not an account has it, so that
 * a refusal tells nothing about which emails exist) or a client address.
 *
 * @param key      {@code email:<email>}, {@code address:<ip>}, {@code reset-email:<email>} or
 *                 {@code reset-address:<ip>}, so that no email can pose as an address
 * @param attempts attempts reserved and not given back since {@code since}: failed, or still running
 * @param lastAt   time of the last attempt granted (a refused key is refused until its lock after it)
 * @param since    time of the first attempt counted
 */
@Document("console_login_throttle")
record LoginThrottle(@Id String key, int attempts, Instant lastAt, Instant since) {
}
