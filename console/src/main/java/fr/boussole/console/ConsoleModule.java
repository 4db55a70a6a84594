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

    /**
     * The source of {@code --create-admin}'s own {@code SpringApplication}: the store client, the account
     * service, the audit log and the {@link fr.boussole.core.admin.FirstAdministrator} port over them, nothing
     * else ({@link fr.boussole.console.admin.FirstAdministratorCommand}). Not nested here: a member class of
     * this configuration with imports would be assembled into the web application too.
     */
    public static Class<?> firstAdministratorCommand() {
        return fr.boussole.console.admin.FirstAdministratorCommand.class;
    }
}
