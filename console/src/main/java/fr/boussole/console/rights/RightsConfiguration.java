package fr.boussole.console.rights;

import fr.boussole.core.rights.DataRights;
import fr.boussole.core.rights.PersonalDataHolder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** The one eraser, over every holder of personal data in the application (the pipeline uses it too). */
@Configuration(proxyBeanMethods = false)
class RightsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    DataRights dataRights(List<PersonalDataHolder> holders) {
        return new DataRights(holders);
    }
}
