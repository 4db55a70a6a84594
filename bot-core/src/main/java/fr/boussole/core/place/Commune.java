package fr.boussole.core.place;

import java.util.List;

/** A French commune, from the open data of the administration. */
public record Commune(String insee, String name, List<String> postalCodes, String departement, String region,
                      int population) {
    public Commune {
        postalCodes = List.copyOf(postalCodes);
    }
}
