/** The bot's sentences, read from a YAML bundle so that no user-visible text lives in Java. */
package fr.boussole.dialogs.texts;
