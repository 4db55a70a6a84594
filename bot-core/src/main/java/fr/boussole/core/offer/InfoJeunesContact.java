package fr.boussole.core.offer;

/** Where to turn outside any Boussole: an Info Jeunes structure (CRIJ, PIJ). */
public record InfoJeunesContact(String name, String phone, String email, String website) {}
