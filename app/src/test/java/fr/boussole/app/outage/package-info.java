/** The store stopped and restarted under traffic: what the channels answer meanwhile, and what is left after. */
package fr.boussole.app.outage;
