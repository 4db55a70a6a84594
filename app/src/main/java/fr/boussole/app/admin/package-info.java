/** Administration from the command line: {@code --create-admin=EMAIL}. */
package fr.boussole.app.admin;
