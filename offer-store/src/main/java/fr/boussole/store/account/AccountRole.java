package fr.boussole.store.account;

import fr.boussole.store.scope.Scope;

/**
 * What an account may do, over which scope: a professional handles its organisation's requests and
 * offers; an animateur runs one territory (its organisations, accounts and questionnaires); an
 * administrator, of the national team, opens territories and names their animateurs, in every territory.
 */
public enum AccountRole {
    PROFESSIONAL,
    ANIMATEUR,
    ADMINISTRATOR;

    /**
     * The scope of an account of this role bound to this territory (for a professional: their
     * organisation's) or organisation; nowhere when the binding the role needs is missing.
     */
    public Scope scope(String territoryId, String organisationId) {
        return switch (this) {
            case ADMINISTRATOR -> Scope.NATIONAL;
            case ANIMATEUR -> territoryId == null ? Scope.NOWHERE : new Scope.OfTerritory(territoryId);
            case PROFESSIONAL -> organisationId == null ? Scope.NOWHERE : new Scope.OfOrganisation(organisationId, territoryId);
        };
    }

    /** The roles an account of this role may give when inviting someone. */
    public boolean mayGrant(AccountRole role) {
        return switch (this) {
            case ADMINISTRATOR -> true;
            case ANIMATEUR -> role == PROFESSIONAL;
            case PROFESSIONAL -> false;
        };
    }
}
