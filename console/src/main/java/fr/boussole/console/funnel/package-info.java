/**
 * The questionnaires' drop-off funnel and the unmet demand (searches without an offer): anonymous
 * counts for the territory's animateur, and for the national team on any territory; CSV exports.
 */
package fr.boussole.console.funnel;
