package fr.boussole.console.support;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fr.boussole.core.delivery.Outbox;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.repository.config.EnableMongoRepositories;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The console with the offer store, on an in-memory MongoDB server through the real driver. The
 * outbox is {@link DeliveringOutbox}, a small stand-in for the platform's until the merge.
 */
@SpringBootApplication(scanBasePackages = "fr.boussole")
// The store's repositories: in the app, the store or the app enables them (see the report).
@EnableMongoRepositories(basePackages = "fr.boussole.store")
public class ConsoleTestApplication {

    /** One server for the whole test JVM: every Spring context of the suite shares it. */
    public static final MongoServer MONGO = startMongo();
    public static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

    private static MongoServer startMongo() {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        return server;
    }

    public static String mongoUri() {
        var address = MONGO.getLocalAddress();
        return "mongodb://" + address.getHostString() + ":" + address.getPort() + "/boussole-console-test";
    }

    /** The national questionnaires and their YAML form, as the app assembles them from the dialogs module. */
    @Bean
    fr.boussole.core.questionnaire.Questionnaires nationalQuestionnaires() {
        return fr.boussole.dialogs.questionnaire.QuestionnaireLoader.bundled();
    }

    @Bean
    fr.boussole.core.questionnaire.QuestionnaireFormat questionnaireFormat() {
        return new fr.boussole.dialogs.questionnaire.YamlQuestionnaires();
    }

    /** The communes of France, as the app has them (names on the pages, the simulator's communes). */
    @Bean
    fr.boussole.core.place.CommuneDirectory communeDirectory() {
        return fr.boussole.dialogs.commune.Communes.load();
    }

    /** The simulator as the app assembles it: the real engine, understanding and communes over the store. */
    @Bean
    fr.boussole.core.simulation.Simulator simulator(fr.boussole.core.offer.OfferCatalog catalog,
                                                   fr.boussole.core.offer.TerritoryDirectory territories,
                                                   fr.boussole.core.place.CommuneDirectory communes,
                                                   fr.boussole.core.questionnaire.QuestionnaireSource questionnaires) {
        return fr.boussole.dialogs.Dialogs.simulator(catalog, territories, communes,
                fr.boussole.dialogs.language.FrenchUnderstanding.load(), questionnaires,
                fr.boussole.core.journey.JourneySettings.defaults());
    }

    @Bean
    MutableClock clock() {
        return new MutableClock(START, ZoneOffset.UTC);
    }

    /** Keys of personal data, random but one set per test JVM: contexts sharing a store read each other's records. */
    public static final fr.boussole.core.privacy.PersonalData PERSONAL_DATA = fr.boussole.core.privacy.PersonalData.generate();

    @Bean
    fr.boussole.core.privacy.PersonalData personalData() {
        return PERSONAL_DATA;
    }

    @Bean
    DeliveringOutbox outbox(java.util.List<fr.boussole.core.delivery.Deliverer> deliverers) {
        return new DeliveringOutbox(deliverers);
    }

    /** The real departments and intercommunalities of France, from the dialogs module's data. */
    @Bean
    fr.boussole.core.place.CommuneGroups communeGroups() {
        return fr.boussole.dialogs.commune.CommuneGroupFiles.load(fr.boussole.dialogs.commune.Communes.shipped());
    }
}
