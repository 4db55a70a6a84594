package fr.boussole.core.journey;

/**
 * Where a conversation stands: what the bot waits for. Stored by name: renaming or removing one
 * needs a state migration ({@link StateMigrations}).
 */
public enum Phase {
    /** Nobody wrote yet. */
    NEW,
    /** Age and commune, asked together; either may come first. */
    AGE,
    /** The commune alone. */
    COMMUNE,
    /** Several communes fit: which one (the territory's own first, as a yes or no). */
    COMMUNE_CHOICE,
    /** Facts read from one message ("19 ans, Cahors, un emploi : c'est bien ça ?"). */
    FACTS,
    THEME,
    /** Another theme named mid-way: switch to it? Its step is the theme. */
    SWITCH_THEME,
    QUESTION,
    OFFERS,
    /** One offer in detail, with what a request sends and to whom, and "Oui, contactez-moi". */
    OFFER,
    /** The contact address, typed (or shared): phone or email in one answer. */
    CONTACT,
    /** A consent asked on its own, when the contact came before the yes. */
    CONSENT,
    DONE,
    RESUME
}
