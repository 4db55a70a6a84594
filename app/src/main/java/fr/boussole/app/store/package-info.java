/** The embedded document store used when no MONGODB_URI is given. */
package fr.boussole.app.store;
