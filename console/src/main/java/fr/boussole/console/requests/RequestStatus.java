package fr.boussole.console.requests;

/** Where a request stands, as the console shows it. */
public enum RequestStatus { NEW, IN_PROGRESS, CONTACTED, CLOSED }
