package fr.boussole.core.rights;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What is held about a subject, as seen from a scope: the records within it (which may be shown,
 * exported and erased) and, for the others, only how many each territory holds, so that the person
 * asking knows whom to turn to.
 *
 * @param records     the records in the scope
 * @param counts      how many of each kind, in the scope
 * @param elsewhere   how many records each other territory holds; the key {@link #NO_TERRITORY} counts those
 *                    of no territory (a conversation that never reached one), which only the national
 *                    administration may act on
 * @param territories the territories whose records are in the scope ({@link #NO_TERRITORY} included)
 */
public record Held(List<HeldRecord> records, Map<String, Integer> counts, Map<String, Integer> elsewhere,
                   Set<String> territories) {

    /** The key of {@link #elsewhere} and {@link #territories} for records of no territory. */
    public static final String NO_TERRITORY = "";

    public Held {
        records = List.copyOf(records);
        counts = Map.copyOf(counts);
        elsewhere = Map.copyOf(elsewhere);
        territories = Set.copyOf(territories);
    }
}
