package fr.boussole.core.offer;

/**
 * An Info Jeunes structure (CRIJ, PIJ): where to turn outside any Boussole, and the person to talk to
 * inside one.
 *
 * @param hours when someone answers, in words ("du lundi au vendredi, 9 h - 17 h"), or null
 */
public record InfoJeunesContact(String name, String phone, String email, String website, String hours) {

    public InfoJeunesContact(String name, String phone, String email, String website) {
        this(name, phone, email, website, null);
    }
}
