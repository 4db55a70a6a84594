package fr.boussole.store.account;

import fr.boussole.store.scope.Scope;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person who signs in to the console. {@code passwordHash} is in Spring Security's delegating
 * format ({@code {bcrypt}...}) so that the algorithm can change without a migration.
 */
@Document("accounts")
public class Account {

    @Id
    private String id;
    /** Stored lower-case: the sign-in name. */
    @Indexed(unique = true)
    private String email;
    private String displayName;
    private AccountRole role;
    @Indexed(sparse = true)
    private String organisationId;
    @Indexed(sparse = true)
    private String territoryId;
    private String passwordHash;
    private int failedLogins;
    private Instant lockedUntil;
    private Instant lastLoginAt;
    private boolean active = true;
    /** When and by whom (an account id, or "command-line") the account was created. */
    private Instant createdAt;
    private String createdBy;
    @Version
    private Long version;

    protected Account() {}

    private Account(String id, String email, String displayName, AccountRole role, String passwordHash) {
        this.id = id;
        this.email = email.trim().toLowerCase(java.util.Locale.ROOT);
        this.displayName = displayName;
        this.role = role;
        this.passwordHash = passwordHash;
    }

    public static Account professional(String id, String email, String displayName, String organisationId,
                                       String passwordHash) {
        Account account = new Account(id, email, displayName, AccountRole.PROFESSIONAL, passwordHash);
        account.organisationId = organisationId;
        return account;
    }

    public static Account animateur(String id, String email, String displayName, String territoryId,
                                    String passwordHash) {
        Account account = new Account(id, email, displayName, AccountRole.ANIMATEUR, passwordHash);
        account.territoryId = territoryId;
        return account;
    }

    /** An account created by invitation: no password until the invited person chooses one through their link. */
    public static Account invited(String id, String email, String displayName, AccountRole role, String territoryId,
                                  String organisationId) {
        Account account = new Account(id, email, displayName, role, null);
        account.assign(role, territoryId, organisationId);
        return account;
    }

    public void created(String by, Instant at) {
        this.createdBy = by;
        this.createdAt = at;
    }

    /** A national administrator: bound to no territory or organisation. */
    public static Account administrator(String id, String email, String displayName, String passwordHash) {
        return new Account(id, email, displayName, AccountRole.ADMINISTRATOR, passwordHash);
    }

    /**
     * Gives the account a role and what it is bound to: an organisation for a professional (its
     * territory is the organisation's, not kept here), a territory for an animateur, nothing for an
     * administrator. Throws when the binding does not fit the role.
     */
    public void assign(AccountRole role, String territoryId, String organisationId) {
        if (role == null) {
            throw new IllegalArgumentException("an account needs a role");
        }
        switch (role) {
            case PROFESSIONAL -> {
                if (organisationId == null) {
                    throw new IllegalArgumentException("a professional needs an organisation");
                }
                territoryId = null;
            }
            case ANIMATEUR -> {
                if (territoryId == null) {
                    throw new IllegalArgumentException("an animateur needs a territory");
                }
                organisationId = null;
            }
            case ADMINISTRATOR -> {
                territoryId = null;
                organisationId = null;
            }
        }
        this.role = role;
        this.territoryId = territoryId;
        this.organisationId = organisationId;
    }

    /** The scope this account sees, given the territory of its organisation for a professional. */
    public Scope scope(String organisationTerritoryId) {
        if (!active) {
            return Scope.NOWHERE;
        }
        return role == null ? Scope.NOWHERE
                : role.scope(role == AccountRole.PROFESSIONAL ? organisationTerritoryId : territoryId, organisationId);
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** Counts a failed sign-in; after {@code maxFailures} in a row the account is locked until {@code until}. */
    public void loginFailed(int maxFailures, Instant until) {
        failedLogins++;
        if (failedLogins >= maxFailures) {
            lockedUntil = until;
            failedLogins = 0;
        }
    }

    public void loginSucceeded(Instant now) {
        failedLogins = 0;
        lockedUntil = null;
        lastLoginAt = now;
    }

    public String getId() { return id; }
    public String getEmail() { return email; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public AccountRole getRole() { return role; }
    public String getOrganisationId() { return organisationId; }
    public String getTerritoryId() { return territoryId; }
    public String getPasswordHash() { return passwordHash; }
    public void setPasswordHash(String passwordHash) { this.passwordHash = passwordHash; }
    public int getFailedLogins() { return failedLogins; }
    public Instant getLockedUntil() { return lockedUntil; }
    public Instant getLastLoginAt() { return lastLoginAt; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
    public Long getVersion() { return version; }
}
