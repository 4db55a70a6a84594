/** Emails rendered from templates (the promises', the console's password resets) and dates as French readers write them. */
package fr.boussole.store.mail;
