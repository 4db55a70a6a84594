package fr.boussole.console.security;

import fr.boussole.console.settings.ConsoleSettings;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/**
 * Refuses sign-in for a while after too many failures: for an email after
 * {@code boussole.max-login-failures} failures in a row (a success starts over), and for a client address
 * after {@code boussole.max-login-failures-per-address} failures within one lock duration (a success does
 * not start over, or a guesser holding one account could clear its own count).
 */
@Service
public class Lockout {

    private final LoginThrottles throttles;
    private final ConsoleSettings settings;
    private final AddressLimits addressLimits;
    private final Clock clock;

    Lockout(LoginThrottles throttles, ConsoleSettings settings, AddressLimits addressLimits, Clock clock) {
        this.throttles = throttles;
        this.settings = settings;
        this.addressLimits = addressLimits;
        this.clock = clock;
    }

    public boolean locked(String email) {
        return lockedKey(emailKey(email));
    }

    boolean addressLocked(String address) {
        return lockedKey(addressKey(address));
    }

    /** One failed sign-in with this email from this client address. */
    void failed(String email, String address) {
        Instant now = clock.instant();
        throttles.failed(emailKey(email), now, null, settings.maxLoginFailures(), settings.lockDuration());
        throttles.failed(addressKey(address), now, now.minus(settings.lockDuration()),
                addressLimits.maxLoginFailuresPerAddress(), settings.lockDuration());
    }

    void succeeded(String email) {
        throttles.deleteById(emailKey(email));
    }

    private boolean lockedKey(String key) {
        return throttles.findById(key).map(t -> t.lockedAt(clock.instant())).orElse(false);
    }

    static String emailKey(String email) {
        return "email:" + (email == null ? "" : email.trim().toLowerCase(Locale.ROOT));
    }

    static String addressKey(String address) {
        return "address:" + (address == null ? "" : address);
    }
}
