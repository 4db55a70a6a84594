package fr.boussole.console.support;

import de.bwaldvogel.mongo.MongoServer;
import fr.boussole.testing.InMemoryStore;
import fr.boussole.core.privacy.PersonalData;
import fr.boussole.core.settings.PublicBaseUrl;
import fr.boussole.testing.RecordingInbox;
import fr.boussole.testing.RecordingOutbox;
import fr.boussole.testing.TestClock;
import fr.boussole.console.ConsoleModule;
import fr.boussole.store.OfferStoreModule;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.time.Instant;

/**
 * The console with the offer store, on an in-memory MongoDB server through the real driver, without
 * the pipeline: its Outbox and Inbox are the in-memory stand-ins of test-support (the console needs
 * the outbox for its password resets; the store's promises need both).
 * Assembled as the app assembles them: through the modules' entry points.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({OfferStoreModule.class, ConsoleModule.class})
public class ConsoleTestApplication {

    /** One server for the whole test JVM: every Spring context of the suite shares it. */
    public static final MongoServer MONGO = startMongo();
    public static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

    private static MongoServer startMongo() {
        MongoServer server = new MongoServer(new InMemoryStore());
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
    TestClock clock() {
        return new TestClock(START);
    }

    /** Keys of personal data, random but one set per test JVM: contexts sharing a store read each other's records. */
    public static final PersonalData PERSONAL_DATA = PersonalData.generate();

    @Bean
    PersonalData personalData() {
        return PERSONAL_DATA;
    }

    @Bean
    PublicBaseUrl publicBaseUrl() {
        return PublicBaseUrl.parse("http://localhost:8080");
    }

    @Bean
    RecordingOutbox outbox() {
        return new RecordingOutbox();
    }

    @Bean
    RecordingInbox inbox() {
        return new RecordingInbox();
    }

    @Bean
    StubTranscripts transcripts() {
        return new StubTranscripts();
    }

    /** The real departments and intercommunalities of France, from the dialogs module's data. */
    @Bean
    fr.boussole.core.place.CommuneGroups communeGroups() {
        return fr.boussole.dialogs.commune.CommuneGroupFiles.load(fr.boussole.dialogs.commune.Communes.shipped());
    }
}
