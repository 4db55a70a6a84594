package fr.boussole.store.theme;

/** A finer subject within a theme, such as "job d'été" within emploi. */
public record SubTheme(String id, String label) {}
