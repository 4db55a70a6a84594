/** Offers in the console: a professional's own offers, the territory's directory. */
package fr.boussole.console.offers;
