/** Personal data at rest in the platform's collections: sealed documents, the re-seal command. */
package fr.boussole.app.privacy;
