/** Every commune of France, loaded from open data and found by what a young person types. */
package fr.boussole.dialogs.commune;
