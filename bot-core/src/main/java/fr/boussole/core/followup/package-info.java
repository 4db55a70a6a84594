/** After the due date, asking young people whether they were contacted, and recording their answer. */
package fr.boussole.core.followup;
