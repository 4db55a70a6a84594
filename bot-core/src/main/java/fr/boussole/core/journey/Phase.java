package fr.boussole.core.journey;

/** Where a conversation stands: what the bot waits for. Stored by name: renaming one needs a state migration. */
public enum Phase {
    NEW, AGE, COMMUNE, COMMUNE_CHOICE, THEME, QUESTION, OFFERS, WANTS_CONTACT, CONTACT_METHOD, CONTACT_ADDRESS,
    CONSENT, DONE, RESUME
}
