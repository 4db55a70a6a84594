/** The one send loop of every channel (parts in order, within rate limits) and the progress of deliveries sent as several provider messages, so a retry resends nothing. */
package fr.boussole.channels.parts;
