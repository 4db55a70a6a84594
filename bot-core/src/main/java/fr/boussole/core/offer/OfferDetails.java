package fr.boussole.core.offer;

/** An offer shown in full: what, who, where, and the promised contact delay. */
public record OfferDetails(String id, String title, String description, String organisationId,
                           String organisationName, String place, int contactDelayDays) {}
