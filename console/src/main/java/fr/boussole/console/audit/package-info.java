/** The audit log of accesses to young people's contact details and of changes made in the console. */
package fr.boussole.console.audit;
