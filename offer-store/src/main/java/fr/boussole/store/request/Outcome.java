package fr.boussole.store.request;

/** How a closed request ended. */
public enum Outcome { REACHED_AND_HELPED, REACHED_NOT_WHAT_NEEDED, UNREACHABLE, OTHER }
