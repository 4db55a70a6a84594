/** Anonymous searches, kept for statistics. */
package fr.boussole.store.search;
