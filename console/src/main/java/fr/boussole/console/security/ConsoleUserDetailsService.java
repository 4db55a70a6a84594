package fr.boussole.console.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Loads console accounts for form login, locked while {@link Lockout} says so. Not a bean of its own: only
 * {@link ConsoleAuthentication} uses it.
 */
class ConsoleUserDetailsService implements UserDetailsService {

    private final ConsoleAccounts accounts;
    private final Lockout lockout;

    ConsoleUserDetailsService(ConsoleAccounts accounts, Lockout lockout) {
        this.accounts = accounts;
        this.lockout = lockout;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        ConsoleUser user = accounts.byEmail(email).orElseThrow(() -> new UsernameNotFoundException("unknown account"));
        if (!lockout.locked(email)) {
            return user;
        }
        return new ConsoleUser(user.accountId(), user.email(), user.displayName(), user.role(), user.organisationId(),
                user.territoryId(), user.passwordHash(), user.enabled(), true);
    }
}
