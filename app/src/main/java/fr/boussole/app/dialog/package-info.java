/** Wiring of the dialog engine with its French understanding, communes and questionnaires. */
package fr.boussole.app.dialog;
