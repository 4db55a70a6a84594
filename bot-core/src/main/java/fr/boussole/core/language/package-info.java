/**
 * What the engine asks of French understanding: {@link fr.boussole.core.language.Understanding#read} gives a
 * {@link fr.boussole.core.language.Reading} of everything one message says (distress first); the older
 * questions (normal form, intent, number, choice) answer one thing at a step.
 */
package fr.boussole.core.language;
