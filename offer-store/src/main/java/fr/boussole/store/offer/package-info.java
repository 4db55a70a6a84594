/** Offers of service: what an organisation proposes, to whom, where and within which delay. */
package fr.boussole.store.offer;
