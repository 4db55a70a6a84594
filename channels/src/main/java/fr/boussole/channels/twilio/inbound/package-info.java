/** Twilio webhooks: signed incoming messages and status callbacks, mapped to the inbox and the outbox. */
package fr.boussole.channels.twilio.inbound;
