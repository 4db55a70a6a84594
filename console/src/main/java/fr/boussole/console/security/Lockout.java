package fr.boussole.console.security;

import fr.boussole.console.settings.ConsoleSettings;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/** Locks an email out for a while after too many failed sign-ins in a row. */
@Service
public class Lockout {

    private final LoginThrottles throttles;
    private final ConsoleSettings settings;
    private final Clock clock;

    Lockout(LoginThrottles throttles, ConsoleSettings settings, Clock clock) {
        this.throttles = throttles;
        this.settings = settings;
        this.clock = clock;
    }

    public boolean locked(String email) {
        return throttles.findById(key(email)).map(t -> t.lockedAt(clock.instant())).orElse(false);
    }

    void failed(String email) {
        Instant now = clock.instant();
        LoginThrottle current = throttles.findById(key(email)).orElse(new LoginThrottle(key(email), 0, null));
        // A lock that has run out starts a fresh count.
        int failures = current.lockedUntil() != null && !current.lockedAt(now) ? 1 : current.failures() + 1;
        Instant lockedUntil = failures >= settings.maxLoginFailures() ? now.plus(settings.lockDuration()) : null;
        if (current.lockedAt(now)) {
            lockedUntil = current.lockedUntil();
        }
        throttles.save(new LoginThrottle(key(email), failures, lockedUntil));
    }

    void succeeded(String email) {
        throttles.deleteById(key(email));
    }

    static String key(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }
}
