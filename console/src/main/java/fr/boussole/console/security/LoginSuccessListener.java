package fr.boussole.console.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** A successful sign-in clears the failure count. */
@Component
class LoginSuccessListener {

    private final Lockout lockout;

    LoginSuccessListener(Lockout lockout) {
        this.lockout = lockout;
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof ConsoleUser user) {
            lockout.succeeded(user.email());
        }
    }
}
