/** CSV import and export of offers, the format animateurs keep their spreadsheets in. */
package fr.boussole.store.csv;
