package fr.boussole.console.security;

import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks an email and password against the store's accounts, after two refusals that come before any
 * password check: a client address that failed too often, and (through {@link ConsoleUserDetailsService})
 * a locked email. Both answer as a locked account, so a guesser cannot tell which limit stopped them.
 * The signed-in principal keeps no password hash.
 */
class ConsoleAuthentication extends DaoAuthenticationProvider {

    private final Lockout lockout;

    ConsoleAuthentication(ConsoleUserDetailsService users, PasswordEncoder encoder, Lockout lockout) {
        super(users);
        setPasswordEncoder(encoder);
        this.lockout = lockout;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        if (authentication.getDetails() instanceof WebAuthenticationDetails details
                && lockout.addressLocked(details.getRemoteAddress())) {
            throw new LockedException("too many failures from this address");
        }
        return super.authenticate(authentication);
    }

    @Override
    protected Authentication createSuccessAuthentication(Object principal, Authentication authentication,
                                                         UserDetails user) {
        Object kept = principal instanceof ConsoleUser console ? console.withoutPassword() : principal;
        return super.createSuccessAuthentication(kept, authentication, user);
    }
}
