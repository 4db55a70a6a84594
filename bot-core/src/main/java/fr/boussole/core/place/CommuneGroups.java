package fr.boussole.core.place;

import java.util.List;
import java.util.Optional;

/**
 * The administrative groups a territory is built from: the communes of a department, and the
 * intercommunalities (EPCI) with their members.
 */
public interface CommuneGroups {

    /** The current communes of a department ({@code 12}, {@code 2A}, {@code 974}), by INSEE code; empty for an unknown one. */
    List<Commune> ofDepartement(String departement);

    /** The intercommunalities with at least one member in the department, by name. */
    List<Epci> epcisOfDepartement(String departement);

    Optional<Epci> epci(String siren);

    Optional<Commune> commune(String insee);
}
