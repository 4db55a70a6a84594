/** The professionals' and animateurs' web console. */
package fr.boussole.console;
