package fr.boussole.store;

import fr.boussole.store.demo.DemoDataProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Wires the offer store: its settings and its scheduled jobs (index refresh, retention purge). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({StoreProperties.class, DemoDataProperties.class,
        fr.boussole.store.account.InvitationSettings.class})
class StoreConfiguration {
}
