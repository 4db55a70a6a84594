package fr.boussole.app.dialog;

import fr.boussole.core.conversation.ConversationEngine;
import fr.boussole.core.journey.JourneySettings;
import fr.boussole.core.language.Understanding;
import fr.boussole.core.offer.OfferCatalog;
import fr.boussole.core.offer.TerritoryDirectory;
import fr.boussole.core.place.CommuneDirectory;
import fr.boussole.core.place.CommuneGroups;
import fr.boussole.core.questionnaire.QuestionnaireFormat;
import fr.boussole.core.questionnaire.QuestionnaireSource;
import fr.boussole.core.questionnaire.Questionnaires;
import fr.boussole.core.simulation.Simulator;
import fr.boussole.dialogs.Dialogs;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the plain-Java dialogs module: the French understanding, the communes of France and the
 * journey engine over the store's catalogue and questionnaires (each territory's published version,
 * else the national one), and the console's simulator over the same ports, all through the module's
 * entry point {@link Dialogs}. Loaded once at start-up; a broken questionnaire or text file stops
 * start-up with a message naming it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DialogProperties.class)
class DialogConfiguration {

    @Bean
    CommuneDirectory communeDirectory() {
        return Dialogs.communes();
    }

    /** The national questionnaires (bundled YAML): every territory's default. */
    @Bean
    Questionnaires nationalQuestionnaires() {
        return Dialogs.nationalQuestionnaires();
    }

    /** The YAML form a territory's questionnaires are stored and exported in. */
    @Bean
    QuestionnaireFormat questionnaireFormat() {
        return Dialogs.questionnaireFormat();
    }

    @Bean
    Understanding understanding(CommuneDirectory communes) {
        return Dialogs.understanding(communes); // reads places in messages over the same directory
    }

    /** Departments and intercommunalities, for drawing territories (the offer store's territory service). */
    @Bean
    CommuneGroups communeGroups(CommuneDirectory communes) {
        return Dialogs.communeGroups(communes);
    }

    @Bean
    ConversationEngine conversationEngine(OfferCatalog catalog, TerritoryDirectory territories,
                                          CommuneDirectory communes, Understanding understanding,
                                          QuestionnaireSource questionnaires, DialogProperties properties) {
        return Dialogs.engine(catalog, territories, communes, understanding, questionnaires, properties.toSettings());
    }

    /** The console's simulator: the same engine and ports, nothing sent, nothing stored. */
    @Bean
    Simulator simulator(OfferCatalog catalog, TerritoryDirectory territories, CommuneDirectory communes,
                        Understanding understanding, QuestionnaireSource questionnaires, DialogProperties properties) {
        return Dialogs.simulator(catalog, territories, communes, understanding, questionnaires, properties.toSettings());
    }
}
