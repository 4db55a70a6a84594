/** Telegram: webhook or long polling in, Bot API calls out. */
package fr.boussole.channels.telegram;
