package fr.boussole.core.offer;

/** A theme as the bot shows it: its id (emploi, formation, logement, sante, mobilite-internationale) and label. */
public record ThemeRef(String id, String label) {}
