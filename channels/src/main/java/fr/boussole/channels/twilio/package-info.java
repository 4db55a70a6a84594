/** Twilio: signed webhooks in, REST calls out through the Twilio SDK. */
package fr.boussole.channels.twilio;
