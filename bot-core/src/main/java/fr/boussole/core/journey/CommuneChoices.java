package fr.boussole.core.journey;

import fr.boussole.core.message.Choice;
import fr.boussole.core.offer.TerritoryDirectory;
import fr.boussole.core.place.Commune;
import fr.boussole.core.place.CommuneDirectory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Communes to choose from when what was typed matches several (a shared postal code, a homonym). */
final class CommuneChoices {

    /** More would not fit a WhatsApp list or an SMS; the best come first. */
    static final int MAX = 8;

    private CommuneChoices() {}

    /**
     * The candidates to offer, best first, the communes of an open territory before the others (a young
     * person writing to a Boussole most likely lives in it), each group in the order found.
     */
    static List<String> ordered(List<Commune> found, TerritoryDirectory territories) {
        List<String> inside = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        for (Commune commune : found.stream().limit(MAX * 4L).toList()) {
            (territories.openTerritoryFor(commune.insee()).isPresent() ? inside : outside).add(commune.insee());
        }
        inside.addAll(outside);
        return inside.stream().distinct().limit(MAX).toList();
    }

    /**
     * Whether to ask "Gourdon (Lot) ?" first: the candidates share one name and exactly one of them is
     * in an open territory (it comes first, see {@link #ordered}).
     */
    static boolean homeFirst(List<String> insees, CommuneDirectory communes, TerritoryDirectory territories) {
        List<Commune> found = insees.stream().map(communes::byInsee).flatMap(Optional::stream).toList();
        if (found.size() < 2 || found.stream().map(Commune::name).distinct().count() != 1) {
            return false;
        }
        return found.stream().filter(c -> territories.openTerritoryFor(c.insee()).isPresent()).count() == 1
                && territories.openTerritoryFor(found.getFirst().insee()).isPresent();
    }

    /** One choice per commune: its name, with its département when two share a name. */
    static List<Choice> of(List<String> insees, CommuneDirectory communes, TerritoryDirectory territories) {
        List<Commune> found = insees.stream().map(communes::byInsee).flatMap(Optional::stream).toList();
        return found.stream().map(c -> new Choice(c.insee(), label(c, found, territories))).toList();
    }

    private static String label(Commune commune, List<Commune> among, TerritoryDirectory territories) {
        long homonyms = among.stream().filter(c -> c.name().equals(commune.name())).count();
        return homonyms > 1 ? commune.name() + " (" + territories.departementName(commune.departement()) + ")"
                : commune.name();
    }
}
