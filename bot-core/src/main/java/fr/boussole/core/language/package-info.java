/** What the engine asks of French understanding: normalising, intents, numbers and choices in free text. */
package fr.boussole.core.language;
