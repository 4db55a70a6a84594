package fr.boussole.store.organisation;

/**
 * How wide an area an offer or an organisation covers, from the most specific to the widest. The
 * order is the ranking order of the matching: nearer first.
 */
public enum ScopeLevel { COMMUNES, TERRITORY, DEPARTEMENT, REGION, NATIONAL }
