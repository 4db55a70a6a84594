/** The console's side of "were you contacted?": which young people to ask, and what they answered. */
package fr.boussole.console.checks;
