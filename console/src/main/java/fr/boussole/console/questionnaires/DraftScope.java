package fr.boussole.console.questionnaires;

import fr.boussole.console.web.NotFound;
import fr.boussole.console.security.ConsoleUser;
import fr.boussole.store.questionnaire.TerritoryQuestionnaires;
import fr.boussole.store.territory.Territories;
import fr.boussole.store.territory.Territory;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Which territory and themes a user's questionnaire pages reach: the animateur's own territory (never
 * one named in the request), and only its active themes that have a questionnaire. Anything else is
 * answered as not found.
 */
@Component
class DraftScope {

    private final Territories territories;
    private final TerritoryQuestionnaires questionnaires;

    DraftScope(Territories territories, TerritoryQuestionnaires questionnaires) {
        this.territories = territories;
        this.questionnaires = questionnaires;
    }

    Territory territory(ConsoleUser user) {
        if (user.territoryId() == null) {
            throw new NotFound();
        }
        return territories.findById(user.territoryId()).orElseThrow(NotFound::new);
    }

    /** The territory's themes that have a questionnaire, in the territory's order. */
    List<String> themes(Territory territory) {
        return territory.getActiveThemes().stream().filter(t -> questionnaires.national(t).isPresent()).toList();
    }

    /** The theme, if the user's territory has it; else not found. */
    String theme(Territory territory, String theme) {
        if (!themes(territory).contains(theme)) {
            throw new NotFound();
        }
        return theme;
    }
}
