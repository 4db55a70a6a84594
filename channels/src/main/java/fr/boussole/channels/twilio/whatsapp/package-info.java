/** WhatsApp through Twilio: Content API buttons and lists, the 24-hour service window. */
package fr.boussole.channels.twilio.whatsapp;
