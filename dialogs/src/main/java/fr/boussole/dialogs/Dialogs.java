package fr.boussole.dialogs;

import fr.boussole.core.conversation.ConversationEngine;
import fr.boussole.core.journey.JourneyEngine;
import fr.boussole.core.journey.JourneyPorts;
import fr.boussole.core.journey.JourneySettings;
import fr.boussole.core.language.Understanding;
import fr.boussole.core.offer.OfferCatalog;
import fr.boussole.core.offer.TerritoryDirectory;
import fr.boussole.core.place.CommuneDirectory;
import fr.boussole.core.questionnaire.QuestionnaireFormat;
import fr.boussole.core.questionnaire.QuestionnaireSource;
import fr.boussole.core.questionnaire.Questionnaires;
import fr.boussole.core.simulation.JourneySimulator;
import fr.boussole.core.simulation.Simulator;
import fr.boussole.core.place.CommuneGroups;
import fr.boussole.dialogs.commune.CommuneGroupFiles;
import fr.boussole.dialogs.commune.Communes;
import fr.boussole.dialogs.language.FrenchUnderstanding;
import fr.boussole.dialogs.questionnaire.QuestionnaireLoader;
import fr.boussole.dialogs.questionnaire.YamlQuestionnaires;
import fr.boussole.dialogs.texts.YamlTexts;

/**
 * What the application calls to get the dialog engine, with the bundled questionnaires and texts, and
 * the module's other ports: the communes of France, their departments and intercommunalities, the
 * French understanding, the national questionnaires and the YAML form of a territory's. The application
 * sees bot-core's types only.
 */
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

    /** Every commune of France, as shipped in this module (loaded once; share it). */
    public static CommuneDirectory communes() {
        return Communes.shipped();
    }

    /**
     * The French understanding, reading places in messages over the given directory, which must be
     * {@link #communes()}' (the same communes the engine resolves).
     */
    public static Understanding understanding(CommuneDirectory communes) {
        if (!(communes instanceof Communes shipped)) {
            throw new IllegalArgumentException("the understanding reads places over Dialogs.communes()");
        }
        return FrenchUnderstanding.load(shipped);
    }

    /**
     * The departments and intercommunalities (EPCI) of France over the given directory, which must be
     * {@link #communes()}': what territories are drawn from.
     */
    public static CommuneGroups communeGroups(CommuneDirectory communes) {
        if (!(communes instanceof Communes shipped)) {
            throw new IllegalArgumentException("the commune groups are read over Dialogs.communes()");
        }
        return CommuneGroupFiles.load(shipped);
    }

    /** The national questionnaires (bundled YAML): every territory's default. */
    public static Questionnaires nationalQuestionnaires() {
        return QuestionnaireLoader.bundled();
    }

    /** The YAML form a territory's questionnaires are stored and exported in (that of the bundled files). */
    public static QuestionnaireFormat questionnaireFormat() {
        return new YamlQuestionnaires();
    }
}
