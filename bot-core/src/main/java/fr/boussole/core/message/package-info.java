/** Messages in: channels, conversation keys, inbound messages and choices, and the inbox that records them before they are acknowledged. */
package fr.boussole.core.message;
