/**
 * The platform's part of the data rights (conversations, inbound messages, outbox) and the
 * retention schedule that forgets what is kept too long.
 */
package fr.boussole.app.rights;
