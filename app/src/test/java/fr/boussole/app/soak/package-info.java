/**
 * The soak run (scripts/soak, not part of the suite): one store process, two app processes, web chat
 * journeys at a steady rate, a kill -9 of one app every minute, then the store is read and counted.
 */
package fr.boussole.app.soak;
