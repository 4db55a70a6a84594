/** Alerts to organisations at each contact request, and the password-less links they carry. */
package fr.boussole.console.alert;
