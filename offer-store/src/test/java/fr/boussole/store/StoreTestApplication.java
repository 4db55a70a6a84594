package fr.boussole.store;

import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The store alone, on an in-memory MongoDB server, with a clock the tests move. */
@SpringBootApplication
public class StoreTestApplication {

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
    public static final fr.boussole.core.privacy.PersonalData PERSONAL_DATA = fr.boussole.core.privacy.PersonalData.generate();

    @Bean
    fr.boussole.core.privacy.PersonalData personalData() {
        return PERSONAL_DATA;
    }

    /** The real departments and intercommunalities of France, from the dialogs module's data. */
    @Bean
    fr.boussole.core.place.CommuneGroups communeGroups() {
        return fr.boussole.dialogs.commune.CommuneGroupFiles.load(fr.boussole.dialogs.commune.Communes.shipped());
    }
}
