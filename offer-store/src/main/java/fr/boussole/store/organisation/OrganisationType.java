package fr.boussole.store.organisation;

/** The kinds of structures found in a Boussole. */
public enum OrganisationType {
    MISSION_LOCALE, INFO_JEUNES, FRANCE_TRAVAIL, HOUSING, HEALTH, MOBILITY, ASSOCIATION, PUBLIC_SERVICE, OTHER
}
