/** The animateur's page of dead-lettered deliveries, with a retry; it codes against the DeadLetters port only. */
package fr.boussole.console.deadletters;
