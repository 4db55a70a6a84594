/** Organisations that offer services to young people, and their geographic competence. */
package fr.boussole.store.organisation;
