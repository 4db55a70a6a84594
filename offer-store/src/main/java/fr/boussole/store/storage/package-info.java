/** How the store sits on MongoDB: index creation and retention. */
package fr.boussole.store.storage;
