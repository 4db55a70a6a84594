package fr.boussole.store.questionnaire;

import fr.boussole.core.ids.Ids;
import java.util.Optional;

/**
 * Names of a territory's questionnaires. Its questionnaire on a theme has its own id,
 * {@code <theme>@<territory id>} ({@code emploi@te_lot}), so that a request names without ambiguity the
 * questionnaire and version it was made under, next to the national {@code emploi}. Stored documents
 * have derived ids: one draft per territory and theme, one document per published version, so that two
 * animateurs publishing at once cannot both get the same version number.
 */
final class TerritoryQuestionnaireIds {

    record Owner(String territoryId, String theme) {}

    private TerritoryQuestionnaireIds() {}

    static String of(String territoryId, String theme) {
        return theme + "@" + territoryId;
    }

    static Optional<Owner> owner(String questionnaireId) {
        int at = questionnaireId.indexOf('@');
        return at <= 0 || at == questionnaireId.length() - 1 ? Optional.empty()
                : Optional.of(new Owner(questionnaireId.substring(at + 1), questionnaireId.substring(0, at)));
    }

    static String draft(String territoryId, String theme) {
        return Ids.derived("qd", territoryId, theme);
    }

    static String published(String territoryId, String theme, int version) {
        return Ids.derived("qv", territoryId, theme, Integer.toString(version));
    }
}
