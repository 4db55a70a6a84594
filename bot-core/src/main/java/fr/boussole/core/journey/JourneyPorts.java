package fr.boussole.core.journey;

import fr.boussole.core.language.Understanding;
import fr.boussole.core.offer.OfferCatalog;
import fr.boussole.core.offer.TerritoryDirectory;
import fr.boussole.core.place.CommuneDirectory;
import fr.boussole.core.questionnaire.QuestionnaireSource;

import java.util.Objects;

/**
 * Everything outside the engine that it reads: the engine itself does no I/O and holds no text. The
 * questionnaires come from a source that knows each territory's published versions.
 */
public record JourneyPorts(OfferCatalog catalog, TerritoryDirectory territories, CommuneDirectory communes,
                           Understanding understanding, QuestionnaireSource questionnaires, Texts texts,
                           JourneySettings settings) {
    public JourneyPorts {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(territories, "territories");
        Objects.requireNonNull(communes, "communes");
        Objects.requireNonNull(understanding, "understanding");
        Objects.requireNonNull(questionnaires, "questionnaires");
        Objects.requireNonNull(texts, "texts");
        Objects.requireNonNull(settings, "settings");
    }
}
