package fr.boussole.console.requests;

import java.time.Instant;

/** One follow-up entry: who, when, by what means, what happened. */
public record FollowUpView(String author, Instant at, String means, String comment, Outcome outcome) {}
