/** Messaging channels: Twilio SMS and WhatsApp, Telegram; webhooks in, deliverers out. */
package fr.boussole.channels;
