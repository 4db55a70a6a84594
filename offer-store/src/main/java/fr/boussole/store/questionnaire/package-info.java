/**
 * The territories' own questionnaires: drafts an animateur edits, published versions (never changed
 * again) that the bot serves, and the national questionnaire of each theme as the default.
 */
package fr.boussole.store.questionnaire;
