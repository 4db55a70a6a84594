package fr.boussole.console.security;

/** Who signs in to the console (the offer store's {@code AccountRole}, name for name). */
public enum Role {
    /** Works for one organisation: sees its requests and offers. */
    PROFESSIONAL,
    /** Runs one territory: sees everything in it. */
    ANIMATEUR,
    /** National team: opens territories, names their animateurs; every territory, but no young person's request. */
    ADMINISTRATOR
}
