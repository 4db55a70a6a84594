/** The one id scheme: random ids, and ids derived from their sources for whatever a crash makes us replay. */
package fr.boussole.core.ids;
