package fr.boussole.store.account;

/** What an account may do: a professional handles its organisation's requests; an animateur runs a territory. */
public enum AccountRole { PROFESSIONAL, ANIMATEUR }
