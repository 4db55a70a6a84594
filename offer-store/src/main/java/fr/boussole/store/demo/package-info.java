/** The demo data set: the Lot territory, its organisations, offers and accounts, loaded into an empty store. */
package fr.boussole.store.demo;
