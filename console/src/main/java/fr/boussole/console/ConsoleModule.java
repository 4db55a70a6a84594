package fr.boussole.console;

import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * The console's entry point, imported by whoever assembles the application with the offer store's
 * ({@code OfferStoreModule}): its pages, security and own documents (audit log, password resets,
 * sign-in throttles).
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = ConsoleModule.class,
        excludeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class))
@EntityScan(basePackageClasses = ConsoleModule.class)
public class ConsoleModule {
}
