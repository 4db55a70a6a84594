/** The web chat: the demo page and its JSON endpoint, answering each message with its replies. */
package fr.boussole.channels.webchat;
