package fr.boussole.console.offers;

import fr.boussole.console.questionnaires.AnswerLabels;
import fr.boussole.core.questionnaire.Questionnaire;
import fr.boussole.core.questionnaire.Step;
import fr.boussole.store.questionnaire.TerritoryQuestionnaires;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An offer's eligibility criteria as the offer form shows them: for each theme, the questions of the
 * questionnaire in force in the territory (its published version, else the national one) with their
 * answers to tick. Nothing ticked on a question means the offer does not filter on it. A criterion the
 * questionnaire no longer has (an old import, an earlier version) is shown too, ticked, marked as gone,
 * so that it is kept or dropped knowingly, never silently.
 * <p>
 * In the form each ticked answer is a token {@code theme|question|value}; only the offer's theme counts.
 */
@Component
public class OfferCriteria {

    /** One answer to tick; {@code gone} when only the offer still names it. */
    public record Value(String token, String id, String label, boolean ticked, boolean gone) {}

    /** One question and its answers; {@code gone} when only the offer still names it. */
    public record Item(String id, String text, List<Value> values, boolean gone) {}

    /** A theme's questions, from the questionnaire in force ({@code questionnaireId} v{@code version}). */
    public record ThemeCriteria(String theme, String questionnaireId, int version, List<Item> items) {}

    private final TerritoryQuestionnaires questionnaires;

    OfferCriteria(TerritoryQuestionnaires questionnaires) {
        this.questionnaires = questionnaires;
    }

    /**
     * @param offerTheme    the offer's theme (its criteria are shown ticked there)
     * @param offerCriteria the offer's criteria now, question to values
     */
    public List<ThemeCriteria> choices(String territoryId, List<String> themes, String offerTheme, List<String> ticked,
                                       Map<String, Set<String>> offerCriteria) {
        List<ThemeCriteria> all = new ArrayList<>();
        for (String theme : themes) {
            questionnaires.inForce(territoryId, theme).ifPresent(q -> all.add(new ThemeCriteria(theme, q.id(), q.version(),
                    items(theme, q, Set.copyOf(ticked), theme.equals(offerTheme) ? offerCriteria : Map.of()))));
        }
        return all;
    }

    /**
     * The criteria the form keeps for the offer's theme, question to values: answers of the questionnaire
     * in force, and those the offer already had. Anything else was not offered by the page.
     *
     * @return empty when a token names an answer the page could not have offered
     */
    public java.util.Optional<Map<String, Set<String>>> read(String territoryId, String theme, List<String> tokens,
                                                               Map<String, Set<String>> offerCriteria) {
        Map<String, Set<String>> known = new LinkedHashMap<>();
        questionnaires.inForce(territoryId, theme).ifPresent(q -> q.steps().forEach(step ->
                known.put(step.id(), new LinkedHashSet<>(AnswerLabels.of(step.question()).keySet()))));
        offerCriteria.forEach((question, values) -> known.computeIfAbsent(question, k -> new LinkedHashSet<>()).addAll(values));
        Map<String, Set<String>> criteria = new TreeMap<>();
        for (String token : tokens == null ? List.<String>of() : tokens) {
            String[] parts = token.split("\\|", -1);
            if (parts.length != 3) {
                return java.util.Optional.empty();
            }
            if (!parts[0].equals(theme)) {
                continue; // ticked under another theme than the one chosen
            }
            if (!known.getOrDefault(parts[1], Set.of()).contains(parts[2])) {
                return java.util.Optional.empty();
            }
            criteria.computeIfAbsent(parts[1], k -> new LinkedHashSet<>()).add(parts[2]);
        }
        return java.util.Optional.of(criteria);
    }

    /** The tokens of an offer's criteria, for its form. */
    public static List<String> tokens(String theme, Map<String, Set<String>> criteria) {
        List<String> tokens = new ArrayList<>();
        new TreeMap<>(criteria).forEach((question, values) -> values.stream().sorted()
                .forEach(value -> tokens.add(token(theme, question, value))));
        return tokens;
    }

    private static List<Item> items(String theme, Questionnaire questionnaire, Set<String> ticked,
                                    Map<String, Set<String>> offerCriteria) {
        List<Item> items = new ArrayList<>();
        Set<String> shown = new LinkedHashSet<>();
        for (Step step : questionnaire.steps()) {
            Map<String, String> values = AnswerLabels.of(step.question());
            if (values.isEmpty()) {
                continue; // a number, a text or a commune: no answer to tick
            }
            shown.add(step.id());
            List<Value> list = new ArrayList<>();
            values.forEach((id, label) -> list.add(value(theme, step.id(), id, label, ticked, false)));
            offerCriteria.getOrDefault(step.id(), Set.of()).stream().filter(v -> !values.containsKey(v)).sorted()
                    .forEach(v -> list.add(value(theme, step.id(), v, v, ticked, true)));
            items.add(new Item(step.id(), step.text(), list, false));
        }
        new TreeMap<>(offerCriteria).forEach((question, accepted) -> {
            if (!shown.contains(question)) {
                items.add(new Item(question, question, accepted.stream().sorted()
                        .map(v -> value(theme, question, v, v, ticked, true)).toList(), true));
            }
        });
        return items;
    }

    private static Value value(String theme, String question, String id, String label, Set<String> ticked, boolean gone) {
        String token = token(theme, question, id);
        return new Value(token, id, label, ticked.contains(token), gone);
    }

    private static String token(String theme, String question, String value) {
        return theme + "|" + question + "|" + value;
    }
}
