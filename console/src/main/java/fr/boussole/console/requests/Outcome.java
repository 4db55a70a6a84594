package fr.boussole.console.requests;

/** How a request ended. */
public enum Outcome { REACHED_AND_HELPED, REACHED_NOT_WHAT_NEEDED, UNREACHABLE, OTHER }
