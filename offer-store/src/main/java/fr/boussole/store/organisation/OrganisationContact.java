package fr.boussole.store.organisation;

/** A person or desk to reach at an organisation; {@code alerts} marks those emailed on new requests. */
public record OrganisationContact(String name, String role, String phone, String email, boolean alerts) {}
