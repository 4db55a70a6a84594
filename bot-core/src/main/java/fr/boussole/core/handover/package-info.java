/**
 * A person who answers when the bot cannot: the desk of a territory (who, and when), what a person
 * writes from the console's inbox (a system input), the port that records handovers, and the port
 * that shows the person what was said.
 */
package fr.boussole.core.handover;
