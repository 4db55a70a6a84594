package fr.boussole.core.language;

import fr.boussole.core.place.Commune;

import java.util.List;

/**
 * The part of a message that names a place ("Cahors" in "j'habite à Cahors et je cherche un boulot", or
 * "46100"), and the communes it may be, best first: every commune of a postal code, every homonym of an
 * exact name (each carries its département, for the engine to tell them apart and to put the territory's
 * first), else the closest names to a mistyped one. Never a whole question, a thank-you or a word of the
 * lexicons ("c'est payant ?" is not Pavant, "merci" not Mercy, "à la rue" not Rue).
 */
public record PlaceMention(String span, List<Commune> communes, Kind kind) {

    public PlaceMention {
        communes = List.copyOf(communes);
    }

    public enum Kind {
        /** A postal code: every commune that shares it. */
        POSTAL_CODE,
        /** A name written as it is (accents, case and "St" aside): its homonyms. */
        EXACT_NAME,
        /** A name with mistakes, or the start of a longer name: the closest names. */
        CLOSE_NAME
    }
}
