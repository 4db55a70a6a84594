/** The journey of a young person, from "bonjour" to a contact request: the engine and its parts. */
package fr.boussole.core.journey;
