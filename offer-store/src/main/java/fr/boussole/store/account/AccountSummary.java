package fr.boussole.store.account;

import java.time.Instant;

/**
 * An account as the console lists it: who, which role, bound to what, and whether it can sign in;
 * never its password hash.
 *
 * @param territoryId     the animateur's territory, or the territory of the professional's organisation
 * @param passwordSet     false while the invitation has not been accepted
 */
public record AccountSummary(String id, String email, String displayName, AccountRole role, String territoryId,
                             String organisationId, boolean active, boolean passwordSet, Instant lastLoginAt) {}
