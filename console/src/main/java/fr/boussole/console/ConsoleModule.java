package fr.boussole.console;

import fr.boussole.console.admin.CommandLineAdministrator;
import fr.boussole.console.audit.AuditLog;
import fr.boussole.console.settings.ConsoleSettings;
import fr.boussole.store.account.AccountService;
import fr.boussole.store.account.Accounts;
import fr.boussole.store.account.InvitationSettings;
import fr.boussole.store.account.Invitations;
import fr.boussole.store.organisation.Organisations;
import fr.boussole.store.territory.Territories;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.repository.config.EnableMongoRepositories;

import java.time.Clock;

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
     * The little {@code --create-admin} needs, as the source of a {@code SpringApplication} of its own:
     * the store client (same settings and embedded store as the app), the account service, the audit log
     * and the {@link fr.boussole.core.admin.FirstAdministrator} port over them; no web server, no pipeline,
     * no channel, no scheduled job. Deliberately not a {@code @Configuration}: the module's component scan
     * must not pick it up.
     */
    @ImportAutoConfiguration({MongoAutoConfiguration.class, DataMongoAutoConfiguration.class})
    @EnableMongoRepositories(basePackageClasses = {Accounts.class, Organisations.class, Territories.class},
            considerNestedRepositories = false)
    @EnableConfigurationProperties({ConsoleSettings.class, InvitationSettings.class})
    @Import({AccountService.class, Invitations.class, AuditLog.class, CommandLineAdministrator.class})
    public static class FirstAdministratorCommand {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }
}
