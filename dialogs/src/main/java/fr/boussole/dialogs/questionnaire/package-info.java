/** Reads and checks the theme questionnaires written in YAML. */
package fr.boussole.dialogs.questionnaire;
