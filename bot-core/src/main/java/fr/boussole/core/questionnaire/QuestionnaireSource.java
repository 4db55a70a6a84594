package fr.boussole.core.questionnaire;

import java.util.Optional;

/**
 * Where the journey finds its questionnaires: a territory's own published version when it has one,
 * else the national questionnaire of the theme. A journey records the version it started on and
 * reads that one again at every turn, so that publishing a new version never changes a conversation
 * in progress.
 */
public interface QuestionnaireSource {

    /** The questionnaire a journey starting now in this territory, on this theme, answers. */
    Optional<Questionnaire> current(String territoryId, String theme);

    /** One exact version, by the id and version a journey recorded; empty when it is not known (any more). */
    Optional<Questionnaire> version(String questionnaireId, int version);

    default Optional<Questionnaire> version(QuestionnaireRef ref) {
        return version(ref.id(), ref.version());
    }

    /** The national questionnaires, every territory's default (the engine prepares their labels once). */
    Questionnaires national();

    /** The national questionnaires only: what every territory answers until it publishes its own. */
    static QuestionnaireSource national(Questionnaires national) {
        return new QuestionnaireSource() {
            @Override
            public Optional<Questionnaire> current(String territoryId, String theme) {
                return national.forTheme(theme);
            }

            @Override
            public Optional<Questionnaire> version(String questionnaireId, int version) {
                return national.byTheme().values().stream()
                        .filter(q -> q.id().equals(questionnaireId) && q.version() == version).findFirst();
            }

            @Override
            public Questionnaires national() {
                return national;
            }
        };
    }
}
