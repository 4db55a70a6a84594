package fr.boussole.core.language;

/** What a free-text answer means, when it is not a direct answer to the question. */
public enum Intent { YES, NO, HELP, BACK, RESTART, STOP, ERASE, MORE, DONT_KNOW, GREETING, OTHER }
