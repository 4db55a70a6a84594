package fr.boussole.core.language;

/**
 * What a free-text message means as an act, when it is not a direct answer to the question.
 * PERSON asks for a human ("parler à quelqu'un", "une vraie personne"); THANKS is a thank-you alone
 * ("merci", "trop bien merci"), which asks for nothing. See docs/language.md for the labelling policy.
 */
public enum Intent { YES, NO, HELP, BACK, RESTART, STOP, ERASE, MORE, DONT_KNOW, GREETING, PERSON, THANKS, OTHER }
