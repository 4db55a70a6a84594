/**
 * The questionnaires' drop-off funnel (how many journeys reached, answered each question, completed the
 * questionnaire, made a request) and the unmet demand (searches without an offer): anonymous counts.
 */
package fr.boussole.store.funnel;
