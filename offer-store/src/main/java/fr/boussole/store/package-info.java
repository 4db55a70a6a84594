/** The offer store: territories, organisations, offers, matching and contact requests on MongoDB. */
package fr.boussole.store;
