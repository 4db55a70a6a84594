package fr.boussole.store.request;

/** How a professional tried to reach the young person. */
public enum FollowUpMeans { PHONE, SMS, EMAIL, MEETING, OTHER }
