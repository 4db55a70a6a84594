/** Outbound delivery: what the outbox hands a channel's deliverer, one attempt's result, and the dead letters an animateur may retry. */
package fr.boussole.core.delivery;
