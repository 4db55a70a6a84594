/**
 * The embedded document store used when no MONGODB_URI is given (in the process, or as its own store process).
 * Named {@code embedded}, not {@code store}: {@code fr.boussole.store} is the offer-store module.
 */
package fr.boussole.app.embedded;
