/**
 * Conversations handed to a person: opened when a young person asks for one, listed in the console's
 * inbox of their territory, taken, answered and handed back by a person (through the conversation's
 * inbox, as system messages), ended by the bot when nobody answers in time.
 */
package fr.boussole.store.handover;
