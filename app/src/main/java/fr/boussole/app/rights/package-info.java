/** The retention schedule and the one job that applies it across the modules. */
package fr.boussole.app.rights;
