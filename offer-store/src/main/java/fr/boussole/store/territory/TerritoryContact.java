package fr.boussole.store.territory;

import fr.boussole.core.offer.InfoJeunesContact;

/**
 * Who a young person of the territory may call to talk to a person ("parler à quelqu'un"): usually
 * its Point Info Jeunes.
 *
 * @param hours when someone answers, in words ("du lundi au vendredi, de 9 h à 17 h"), or null
 */
public record TerritoryContact(String name, String phone, String hours) {

    public InfoJeunesContact toContact() {
        return new InfoJeunesContact(name, phone, null, null, hours);
    }
}
