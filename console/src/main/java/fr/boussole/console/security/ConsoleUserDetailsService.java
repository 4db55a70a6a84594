package fr.boussole.console.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Loads console accounts for form login. Not a bean of its own: only {@link ConsoleAuthentication} uses it,
 * after it has reserved the attempt (the limits are there, not here).
 */
class ConsoleUserDetailsService implements UserDetailsService {

    private final ConsoleAccounts accounts;

    ConsoleUserDetailsService(ConsoleAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        return accounts.byEmail(email).orElseThrow(() -> new UsernameNotFoundException("unknown account"));
    }
}
