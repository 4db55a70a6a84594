/**
 * Retention: what each module erases, empties or anonymises once its time is past. The application's
 * one retention job calls these ports with the cut-offs of its schedule; each step is idempotent.
 */
package fr.boussole.core.retention;
