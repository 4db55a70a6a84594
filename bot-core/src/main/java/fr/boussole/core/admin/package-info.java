/** The port of the command line's administration ({@code --create-admin}). */
package fr.boussole.core.admin;
