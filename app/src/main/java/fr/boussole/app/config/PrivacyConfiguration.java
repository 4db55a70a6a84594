package fr.boussole.app.config;

import fr.boussole.core.privacy.PersonalData;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The sealer of personal data, from the keys checked at start-up ({@link KeySettings}). */
@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

    @Bean
    PersonalData personalData(@Value("${" + KeySettings.DATA_KEYS + ":}") String dataKeys,
                              @Value("${" + KeySettings.LOOKUP_KEY + ":}") String lookupKey) {
        return KeySettings.personalData(dataKeys, lookupKey);
    }
}
