package fr.boussole.store.offer;

/** Only active offers are shown to young people. */
public enum OfferStatus { DRAFT, ACTIVE, ARCHIVED }
