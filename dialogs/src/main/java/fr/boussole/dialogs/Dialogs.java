package fr.boussole.dialogs;

import fr.boussole.core.conversation.ConversationEngine;
import fr.boussole.core.journey.JourneyEngine;
import fr.boussole.core.journey.JourneyPorts;
import fr.boussole.core.journey.JourneySettings;
import fr.boussole.core.language.Understanding;
import fr.boussole.core.offer.OfferCatalog;
import fr.boussole.core.offer.TerritoryDirectory;
import fr.boussole.core.place.CommuneDirectory;
import fr.boussole.core.questionnaire.QuestionnaireSource;
import fr.boussole.core.simulation.JourneySimulator;
import fr.boussole.core.simulation.Simulator;
import fr.boussole.dialogs.questionnaire.QuestionnaireLoader;
import fr.boussole.dialogs.texts.YamlTexts;

/** What the application calls to get the dialog engine, with the bundled questionnaires and texts. */
public final class Dialogs {

    private Dialogs() {}

    /**
     * The engine of every theme's journey. Reads and checks the questionnaires and texts now, so that
     * a broken file stops start-up with a message naming it.
     */
    public static ConversationEngine engine(OfferCatalog catalog, TerritoryDirectory territories,
                                            CommuneDirectory communes, Understanding understanding,
                                            QuestionnaireSource questionnaires, JourneySettings settings) {
        return new JourneyEngine(ports(catalog, territories, communes, understanding, questionnaires, settings));
    }

    /** The engine with the bundled national questionnaires only (every territory answers them). */
    public static ConversationEngine engine(OfferCatalog catalog, TerritoryDirectory territories,
                                            CommuneDirectory communes, Understanding understanding,
                                            JourneySettings settings) {
        return engine(catalog, territories, communes, understanding,
                QuestionnaireSource.national(QuestionnaireLoader.bundled()), settings);
    }

    /** The simulator of the console: the same engine and ports, for a questionnaire and a territory tried. */
    public static Simulator simulator(OfferCatalog catalog, TerritoryDirectory territories,
                                      CommuneDirectory communes, Understanding understanding,
                                      QuestionnaireSource questionnaires, JourneySettings settings) {
        return new JourneySimulator(ports(catalog, territories, communes, understanding, questionnaires, settings));
    }

    private static JourneyPorts ports(OfferCatalog catalog, TerritoryDirectory territories,
                                      CommuneDirectory communes, Understanding understanding,
                                      QuestionnaireSource questionnaires, JourneySettings settings) {
        return new JourneyPorts(catalog, territories, communes, understanding, questionnaires, YamlTexts.bundled(),
                settings);
    }
}
