/** Matching offers to a young person's search: the in-memory index, the eligibility rules and the ranking. */
package fr.boussole.store.matching;
