/** Questionnaires, texts, French understanding and communes: the data and language behind the engine. */
package fr.boussole.dialogs;
