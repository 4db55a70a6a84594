package fr.boussole.store.territory;

import fr.boussole.core.offer.InfoJeunesContact;

/**
 * An Info Jeunes structure a territory recommends to young people of its department (or region)
 * who live outside it. {@code departement} or {@code region} says which area it serves.
 */
public record InfoJeunesEntry(String name, String phone, String email, String website, String departement,
                              String region) {

    public InfoJeunesContact toContact() {
        return new InfoJeunesContact(name, phone, email, website);
    }
}
