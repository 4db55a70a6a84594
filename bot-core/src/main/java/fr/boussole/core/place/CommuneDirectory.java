package fr.boussole.core.place;

import java.util.List;
import java.util.Optional;

/** Every commune of France, found by what a young person types. */
public interface CommuneDirectory {

    /**
     * Communes matching a name or a postal code, typed the way people type (typos, missing accents,
     * hyphens or not, "St" for "Saint"), best first; empty when nothing is close enough. Several
     * results mean the young person has to choose (a postal code shared by communes, a homonym).
     */
    List<Commune> resolve(String typed);

    Optional<Commune> byInsee(String insee);
}
