package fr.boussole.store.search;

import java.time.Instant;

/** An anonymous search made with the bot: where, on what, how many offers it found. */
public record SearchView(Instant at, String communeInsee, String communeName, String theme, int offersFound) {}
