package fr.boussole.console.offers;

/** Where an offer stands. */
public enum OfferStatus { DRAFT, ACTIVE, ARCHIVED }
