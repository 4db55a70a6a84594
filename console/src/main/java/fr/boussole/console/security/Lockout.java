package fr.boussole.console.security;

import fr.boussole.console.settings.ConsoleSettings;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.Locale;

/**
 * Refuses sign-in for a while after too many attempts: for an email after
 * {@code boussole.max-login-failures} failures in a row (a success starts over), and for a client address
 * after {@code boussole.max-login-failures-per-address} failures within one lock duration (a success gives
 * back its own attempt only, or a guesser holding one account could clear the count of their address).
 *
 * <p>Each sign-in {@linkplain #reserve reserves} its attempt on both keys before the password is checked,
 * so the limits hold however many guesses arrive at once: at most the limit of password checks are ever
 * made for one email or one address.
 */
@Service
public class Lockout {

    private final Attempts attempts;
    private final ConsoleSettings settings;
    private final AddressLimits addressLimits;
    private final Clock clock;

    Lockout(Attempts attempts, ConsoleSettings settings, AddressLimits addressLimits, Clock clock) {
        this.attempts = attempts;
        this.settings = settings;
        this.addressLimits = addressLimits;
        this.clock = clock;
    }

    /** Whether sign-in with this email is refused for now. */
    public boolean locked(String email) {
        return attempts.refused(emailKey(email), clock.instant(), emailLimit());
    }

    boolean addressLocked(String address) {
        return attempts.refused(addressKey(address), clock.instant(), addressLimit());
    }

    /**
     * Reserves one sign-in attempt for the address, then for the email; false (nothing reserved) when either
     * is at its limit, and the password must then not be checked.
     */
    boolean reserve(String email, String address) {
        if (!attempts.reserve(addressKey(address), clock.instant(), addressLimit())) {
            return false;
        }
        if (!attempts.reserve(emailKey(email), clock.instant(), emailLimit())) {
            attempts.refund(addressKey(address)); // no password was checked: nothing to count against the address
            return false;
        }
        return true;
    }

    /** The attempt reserved for this sign-in succeeded: the email starts over, the address gets its attempt back. */
    void succeeded(String email, String address) {
        attempts.clear(emailKey(email));
        attempts.refund(addressKey(address));
    }

    /** The email starts over (its password was just reset). */
    void cleared(String email) {
        attempts.clear(emailKey(email));
    }

    private Attempts.Limit emailLimit() {
        return Attempts.Limit.inARow(settings.maxLoginFailures(), settings.lockDuration());
    }

    private Attempts.Limit addressLimit() {
        return Attempts.Limit.perWindow(addressLimits.maxLoginFailuresPerAddress(), settings.lockDuration());
    }

    static String emailKey(String email) {
        return "email:" + normalised(email);
    }

    static String addressKey(String address) {
        return "address:" + (address == null ? "" : address);
    }

    static String normalised(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }
}
