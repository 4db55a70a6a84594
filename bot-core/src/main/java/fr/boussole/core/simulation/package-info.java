/**
 * Trying a questionnaire before young people see it: the real engine and understanding, on a draft,
 * in a territory even in preparation, with nothing sent and nothing stored.
 */
package fr.boussole.core.simulation;
