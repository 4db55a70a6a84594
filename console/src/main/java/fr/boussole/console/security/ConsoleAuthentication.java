package fr.boussole.console.security;

import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks an email and password against the store's accounts, once an attempt is reserved for both the
 * client address and the email ({@link Lockout#reserve}): the reservation comes before the password check
 * and is atomic, so that simultaneous guesses cannot get more checks than the limits allow. A refusal
 * answers as a locked account, whichever limit applied, so a guesser cannot tell which. A failed check
 * keeps its reservation (it is the failure count); a success gives it back. The signed-in principal keeps
 * no password hash; the session keeps a {@link SessionStamp} of the account instead.
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
        String email = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        if (!lockout.reserve(email, address)) {
            throw new LockedException("too many attempts for this email or from this address");
        }
        Authentication signedIn = super.authenticate(authentication);
        lockout.succeeded(email, address);
        return signedIn;
    }

    @Override
    protected Authentication createSuccessAuthentication(Object principal, Authentication authentication,
                                                         UserDetails user) {
        if (!(principal instanceof ConsoleUser console)) {
            return super.createSuccessAuthentication(principal, authentication, user);
        }
        Authentication signedIn = super.createSuccessAuthentication(console.withoutPassword(), authentication, user);
        if (signedIn instanceof UsernamePasswordAuthenticationToken token) {
            // what the session was opened on: SessionCheck ends it once the account is no longer so
            token.setDetails(SessionStamp.of(console, authentication.getDetails()));
        }
        return signedIn;
    }
}
