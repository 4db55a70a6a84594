/** The engine's port: a conversation's state, a turn in and its events out, and the values a contact request is made of. */
package fr.boussole.core.conversation;
