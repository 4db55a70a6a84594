package fr.boussole.store.territory;

/** Where a territory stands: only an open territory answers young people. */
public enum TerritoryStatus { IN_PREPARATION, OPEN, CLOSED }
