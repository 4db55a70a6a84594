/** The console's settings and their checks at start-up. */
package fr.boussole.console.settings;
