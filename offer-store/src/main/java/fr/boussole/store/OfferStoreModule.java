package fr.boussole.store;

import fr.boussole.store.demo.DemoDataProperties;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.data.mongodb.repository.config.EnableMongoRepositories;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The offer store's entry point, imported by whoever assembles the application: its components,
 * documents and repositories (this package and below), its settings and its scheduled jobs (index
 * refresh, the promises' jobs).
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = OfferStoreModule.class,
        excludeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class))
@EntityScan(basePackageClasses = OfferStoreModule.class)
@EnableMongoRepositories(basePackageClasses = OfferStoreModule.class)
@EnableScheduling
@EnableConfigurationProperties({StoreProperties.class, DemoDataProperties.class,
        fr.boussole.store.account.InvitationSettings.class})
public class OfferStoreModule {
}
