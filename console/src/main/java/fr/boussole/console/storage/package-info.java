/** MongoDB wiring of the console's own collections. */
package fr.boussole.console.storage;
