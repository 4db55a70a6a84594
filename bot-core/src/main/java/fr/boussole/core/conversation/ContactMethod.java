package fr.boussole.core.conversation;

/** How the young person wishes to be contacted. */
public enum ContactMethod { PHONE, EMAIL }
