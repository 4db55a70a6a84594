/** Contact requests in the console: lists, the request page, follow-ups. */
package fr.boussole.console.requests;
