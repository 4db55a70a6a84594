/** CSV upload and download of offers in the console, over the offer store's import and export. */
package fr.boussole.console.offerimport;
