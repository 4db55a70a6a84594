/**
 * The animateur's questionnaire pages: the territory's questionnaire of each theme, a draft edited
 * question by question, the simulator, publishing, versions and their YAML export.
 */
package fr.boussole.console.questionnaires;
