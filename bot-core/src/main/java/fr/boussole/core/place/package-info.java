/** Communes of France and their directory, which resolves what a young person types. */
package fr.boussole.core.place;
