package fr.boussole.console.security;

/** Who signs in to the console. */
public enum Role {
    /** Works for one organisation: sees its requests and offers. */
    PROFESSIONAL,
    /** Runs one territory: sees everything in it. */
    ANIMATEUR
}
