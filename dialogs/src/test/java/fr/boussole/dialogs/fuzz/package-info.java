/** Properties that drive the real engine with random and hostile input: it never throws and never loses the state. */
package fr.boussole.dialogs.fuzz;
