/** French understanding of what young people text: tokens, normal form, numbers, choices and intents. */
package fr.boussole.dialogs.language;
