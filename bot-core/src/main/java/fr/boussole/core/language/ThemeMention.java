package fr.boussole.core.language;

import java.util.Optional;

/**
 * A theme named in the young person's words ("un boulot" → emploi), with a sub-theme when the words say
 * one ("un job d'été" → emploi, saisonnier). Theme ids: emploi, formation, logement, sante,
 * mobilite-internationale. Sub-theme ids are the option ids of the bundled questionnaires' questions
 * (docs/language.md lists them), so that the engine can count them as answers already given.
 */
public record ThemeMention(String theme, Optional<String> subTheme) {

    public ThemeMention {
        java.util.Objects.requireNonNull(theme, "theme");
        java.util.Objects.requireNonNull(subTheme, "subTheme");
    }
}
