/** The page an alert link opens (the links themselves are the store's promises). */
package fr.boussole.console.alert;
