/** The animateur's page for a young person's data rights: see what is held, export it, erase it. */
package fr.boussole.console.rights;
