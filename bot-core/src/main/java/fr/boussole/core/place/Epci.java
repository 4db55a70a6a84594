package fr.boussole.core.place;

import java.util.List;

/**
 * An intercommunality (établissement public de coopération intercommunale à fiscalité propre) and its
 * member communes.
 *
 * @param siren    its SIREN number, the code it is known by
 * @param kind     CC (communauté de communes), CA (d'agglomération), CU (urbaine), METRO or MET69 (métropoles)
 * @param communes INSEE codes of its member communes
 */
public record Epci(String siren, String name, String kind, List<String> communes) {
    public Epci {
        communes = List.copyOf(communes);
    }
}
