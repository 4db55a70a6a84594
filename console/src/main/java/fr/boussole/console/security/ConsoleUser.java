package fr.boussole.console.security;

import fr.boussole.store.account.AccountRole;
import fr.boussole.store.scope.Scope;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.Collection;
import java.util.List;

/**
 * A signed-in professional, animateur or administrator. Every query of the console is scoped by
 * {@link #organisationId()} (professionals), {@link #territoryId()} (animateurs) or nothing (administrators,
 * national), taken from here and never from a request parameter: see {@link #scope()}.
 */
public record ConsoleUser(String accountId, String email, String displayName, AccountRole role,
                          String organisationId, String territoryId, String passwordHash,
                          boolean enabled, boolean locked) implements UserDetails {

    /**
     * The same user without the password hash: what the session keeps once the password is checked, so
     * that a session store, a heap dump or a debug page never holds a hash to crack offline.
     */
    public ConsoleUser withoutPassword() {
        return new ConsoleUser(accountId, email, displayName, role, organisationId, territoryId, null, enabled, locked);
    }

    public boolean animateur() {
        return role == AccountRole.ANIMATEUR;
    }

    public boolean administrator() {
        return role == AccountRole.ADMINISTRATOR;
    }

    public boolean professional() {
        return role == AccountRole.PROFESSIONAL;
    }

    /**
     * What this user may see of territories, organisations and accounts (the offer store's services
     * take it): national for an administrator, the territory for an animateur, the organisation for a
     * professional, nothing for an account whose binding is missing.
     */
    public Scope scope() {
        return role == null ? Scope.NOWHERE : role.scope(territoryId, organisationId);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public String toString() {
        return "ConsoleUser[" + accountId + ", " + role + "]";
    }
}
