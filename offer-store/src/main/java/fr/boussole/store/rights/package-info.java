/** The offer store's part of the data rights: contact requests exported, or anonymised on erasure. */
package fr.boussole.store.rights;
