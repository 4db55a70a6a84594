/** Twilio: signed webhooks in (inbound), REST calls out through the Twilio SDK, shared by SMS and by WhatsApp (whatsapp). */
package fr.boussole.channels.twilio;
