package fr.boussole.core.simulation;

import fr.boussole.core.conversation.ConversationState;
import fr.boussole.core.conversation.Turn;
import fr.boussole.core.journey.JourneyEngine;
import fr.boussole.core.journey.JourneyPorts;
import fr.boussole.core.message.Inbound;
import fr.boussole.core.offer.InfoJeunesContact;
import fr.boussole.core.offer.TerritoryDirectory;
import fr.boussole.core.offer.TerritoryView;
import fr.boussole.core.place.Commune;
import fr.boussole.core.questionnaire.Questionnaire;
import fr.boussole.core.questionnaire.QuestionnaireSource;
import fr.boussole.core.questionnaire.Questionnaires;

import java.util.List;
import java.util.Optional;

/**
 * The {@link Simulator} over the journey's engine: the same ports as the live bot, but for the territory
 * tried (served even in preparation, and before any other territory covering the commune) and for the
 * questionnaire tried.
 */
public final class JourneySimulator implements Simulator {

    private final JourneyPorts live;

    public JourneySimulator(JourneyPorts live) {
        this.live = live;
    }

    @Override
    public Turn send(String territoryId, Questionnaire questionnaire, ConversationState state, Inbound inbound) {
        JourneyPorts tried = new JourneyPorts(live.catalog(), new TriedTerritory(live.territories(), territoryId),
                live.communes(), live.understanding(), new TriedQuestionnaire(live.questionnaires(), territoryId, questionnaire),
                live.texts(), live.settings());
        return new JourneyEngine(tried).handle(state, inbound, inbound.receivedAt());
    }

    /** The questionnaire tried, on its theme in the territory tried (and by its own id and version); any other as live. */
    private record TriedQuestionnaire(QuestionnaireSource live, String territoryId, Questionnaire tried)
            implements QuestionnaireSource {

        @Override
        public Optional<Questionnaire> current(String territory, String theme) {
            return territoryId.equals(territory) && tried.theme().equals(theme) ? Optional.of(tried)
                    : live.current(territory, theme);
        }

        @Override
        public Optional<Questionnaire> version(String questionnaireId, int version) {
            return tried.id().equals(questionnaireId) && tried.version() == version ? Optional.of(tried)
                    : live.version(questionnaireId, version);
        }

        @Override
        public Questionnaires national() {
            return live.national();
        }
    }

    /** The territory tried first, whatever its status; any other commune as the live bot sees it. */
    private record TriedTerritory(TerritoryDirectory live, String territoryId) implements TerritoryDirectory {

        @Override
        public Optional<TerritoryView> openTerritoryFor(String communeInsee) {
            return live.territoryCovering(territoryId, communeInsee).or(() -> live.openTerritoryFor(communeInsee));
        }

        @Override
        public Optional<TerritoryView> territoryCovering(String id, String communeInsee) {
            return live.territoryCovering(id, communeInsee);
        }

        @Override
        public List<InfoJeunesContact> infoJeunesFor(Commune commune) {
            return live.infoJeunesFor(commune);
        }
    }
}
