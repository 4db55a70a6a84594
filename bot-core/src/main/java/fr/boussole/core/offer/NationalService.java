package fr.boussole.core.offer;

import java.util.Objects;

/**
 * A public, free service of national reach that a young person can turn to on one theme when no local
 * offer fits (France Travail for work, Fil Santé Jeunes for health…).
 *
 * @param phone how to call, as written for a young person ("39 49"), or null
 * @param website where to go, without scheme ("1jeune1solution.gouv.fr"), or null
 */
public record NationalService(String name, String phone, String website) {
    public NationalService {
        Objects.requireNonNull(name, "name");
        if (phone == null && website == null) {
            throw new IllegalArgumentException("a national service needs a phone or a website: " + name);
        }
    }
}
