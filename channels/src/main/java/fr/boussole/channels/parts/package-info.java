/** Progress of deliveries sent as several provider messages, so a retry resends nothing. */
package fr.boussole.channels.parts;
