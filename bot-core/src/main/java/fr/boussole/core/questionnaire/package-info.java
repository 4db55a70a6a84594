/** Questionnaires as data: steps, question types and the conditions that skip or add steps. */
package fr.boussole.core.questionnaire;
