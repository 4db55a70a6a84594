package fr.boussole.store.request;

import java.time.Instant;

/** One step of a professional's follow-up: who, when, how, and a comment. */
public record FollowUp(String author, Instant at, FollowUpMeans means, String comment) {}
