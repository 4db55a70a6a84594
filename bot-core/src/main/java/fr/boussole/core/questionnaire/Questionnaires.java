package fr.boussole.core.questionnaire;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The questionnaires the engine knows, by theme id. */
public record Questionnaires(Map<String, Questionnaire> byTheme) {

    public Questionnaires {
        byTheme = Map.copyOf(byTheme);
    }

    public static Questionnaires of(Collection<Questionnaire> questionnaires) {
        return new Questionnaires(questionnaires.stream()
                .collect(Collectors.toMap(Questionnaire::theme, Function.identity())));
    }

    public Optional<Questionnaire> forTheme(String theme) {
        return Optional.ofNullable(byTheme.get(theme));
    }
}
