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
import fr.boussole.core.questionnaire.Questionnaires;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        Map<String, Questionnaire> byTheme = new HashMap<>(live.questionnaires().byTheme());
        byTheme.put(questionnaire.theme(), questionnaire);
        JourneyPorts tried = new JourneyPorts(live.catalog(), new TriedTerritory(live.territories(), territoryId),
                live.communes(), live.understanding(), new Questionnaires(byTheme), live.texts(), live.settings());
        return new JourneyEngine(tried).handle(state, inbound, inbound.receivedAt());
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
