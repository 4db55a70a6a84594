/** Themes (emploi, formation, logement, sante, mobilite-internationale) and their sub-themes. */
package fr.boussole.store.theme;
