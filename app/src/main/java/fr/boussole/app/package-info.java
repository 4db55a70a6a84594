/** The runnable assembly: configuration, embedded store, message pipeline and web chat. */
package fr.boussole.app;
