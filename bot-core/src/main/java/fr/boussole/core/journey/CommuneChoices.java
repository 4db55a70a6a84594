package fr.boussole.core.journey;

import fr.boussole.core.message.Choice;
import fr.boussole.core.place.Commune;
import fr.boussole.core.place.CommuneDirectory;

import java.util.List;
import java.util.Optional;

/** Communes to choose from when what was typed matches several (a shared postal code, a homonym). */
final class CommuneChoices {

    /** More would not fit a WhatsApp list or an SMS; the best come first. */
    static final int MAX = 8;

    private CommuneChoices() {}

    static List<String> firstInsees(List<Commune> found) {
        return found.stream().limit(MAX).map(Commune::insee).toList();
    }

    /** One choice per commune: its name, with its department when two share a name. */
    static List<Choice> of(List<String> insees, CommuneDirectory communes) {
        List<Commune> found = insees.stream().map(communes::byInsee).flatMap(Optional::stream).toList();
        return found.stream().map(c -> new Choice(c.insee(), label(c, found))).toList();
    }

    private static String label(Commune commune, List<Commune> among) {
        long homonyms = among.stream().filter(c -> c.name().equals(commune.name())).count();
        return homonyms > 1 ? commune.name() + " (" + commune.departement() + ")" : commune.name();
    }
}
