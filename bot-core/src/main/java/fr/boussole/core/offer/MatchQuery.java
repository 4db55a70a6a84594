package fr.boussole.core.offer;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * A young person's search.
 *
 * @param answers  question id to the value ids chosen (one for single choice, several for multiple)
 * @param seed     a stable value per conversation, so that ties rank the same way on every turn
 */
public record MatchQuery(String territoryId, String theme, String communeInsee, int age,
                         Map<String, Set<String>> answers, LocalDate today, String seed) {
    public MatchQuery {
        answers = Map.copyOf(answers);
    }
}
