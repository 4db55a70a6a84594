package fr.boussole.store;

import fr.boussole.core.privacy.PersonalData;
import fr.boussole.core.settings.PublicBaseUrl;
import fr.boussole.testing.RecordingInbox;
import fr.boussole.testing.RecordingOutbox;
import fr.boussole.testing.TestClock;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The store alone, on an in-memory MongoDB server, with a clock the tests move and the in-memory
 * stand-ins of the pipeline's ports the promises speak to (Outbox, Inbox). Assembled as the app
 * assembles it: through the module's entry point.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(OfferStoreModule.class)
public class StoreTestApplication {

    public static final String PUBLIC_BASE_URL = "http://localhost:8080";

    /** The national questionnaires and their YAML form, as the app assembles them from the dialogs module. */
    @Bean
    fr.boussole.core.questionnaire.Questionnaires nationalQuestionnaires() {
        return fr.boussole.dialogs.questionnaire.QuestionnaireLoader.bundled();
    }

    @Bean
    fr.boussole.core.questionnaire.QuestionnaireFormat questionnaireFormat() {
        return new fr.boussole.dialogs.questionnaire.YamlQuestionnaires();
    }

    @Bean
    TestClock clock() {
        return new TestClock();
    }

    /** Keys of personal data, random but one set per test JVM: contexts sharing a store read each other's records. */
    public static final PersonalData PERSONAL_DATA = PersonalData.generate();

    @Bean
    PersonalData personalData() {
        return PERSONAL_DATA;
    }

    /** The real departments and intercommunalities of France, from the dialogs module's data. */
    @Bean
    fr.boussole.core.place.CommuneGroups communeGroups() {
        return fr.boussole.dialogs.commune.CommuneGroupFiles.load(fr.boussole.dialogs.commune.Communes.shipped());
    }

    @Bean
    PublicBaseUrl publicBaseUrl() {
        return PublicBaseUrl.parse(PUBLIC_BASE_URL);
    }

    @Bean
    RecordingOutbox outbox() {
        return new RecordingOutbox();
    }

    @Bean
    RecordingInbox inbox() {
        return new RecordingInbox();
    }
}
