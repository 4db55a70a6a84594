package fr.boussole.store.account;

/**
 * What an account may do, over which scope: a professional handles its organisation's requests and
 * offers; an animateur runs one territory (its organisations, accounts and questionnaires); an
 * administrator, of the national team, opens territories and names their animateurs, in every territory.
 */
public enum AccountRole {
    PROFESSIONAL,
    ANIMATEUR,
    ADMINISTRATOR;

    /** The roles an account of this role may give when inviting someone. */
    public boolean mayGrant(AccountRole role) {
        return switch (this) {
            case ADMINISTRATOR -> true;
            case ANIMATEUR -> role == PROFESSIONAL;
            case PROFESSIONAL -> false;
        };
    }
}
