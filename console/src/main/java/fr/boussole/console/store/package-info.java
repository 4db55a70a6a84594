/** The console's ports implemented on the offer store's model (requests, offers, organisations, accounts, searches). */
package fr.boussole.console.store;
