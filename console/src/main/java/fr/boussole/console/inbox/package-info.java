/**
 * The inbox of conversations handed to a person: the territory's list, one conversation with its
 * transcript, and what a person does in it (take, reply, hand back), plus the desk's office hours.
 */
package fr.boussole.console.inbox;
