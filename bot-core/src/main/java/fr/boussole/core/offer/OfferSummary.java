package fr.boussole.core.offer;

/** An offer in a list of results: enough for one line. */
public record OfferSummary(String id, String title, String summary, String organisationName, int contactDelayDays) {}
