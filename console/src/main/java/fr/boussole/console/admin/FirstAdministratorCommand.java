package fr.boussole.console.admin;

import fr.boussole.core.settings.PublicBaseUrl;
import org.springframework.beans.factory.annotation.Value;
import fr.boussole.console.audit.AuditLog;
import fr.boussole.console.settings.ConsoleSettings;
import fr.boussole.store.account.AccountService;
import fr.boussole.store.account.Accounts;
import fr.boussole.store.account.InvitationSettings;
import fr.boussole.store.account.Invitations;
import fr.boussole.store.organisation.Organisations;
import fr.boussole.store.territory.Territories;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.repository.config.EnableMongoRepositories;

import java.time.Clock;

/**
 * The little {@code --create-admin} needs, as the source of a {@code SpringApplication} of its own (the app
 * reaches it through {@code ConsoleModule.firstAdministratorCommand()}): the store client (same settings and
 * embedded store as the app, through the app's environment post-processor), the account service, the audit
 * log and {@link CommandLineAdministrator}; no web server, no pipeline, no channel, no scheduled job.
 * Deliberately not a {@code @Configuration}: the module's component scan must not pick it up.
 */
@ImportAutoConfiguration({MongoAutoConfiguration.class, DataMongoAutoConfiguration.class})
@EnableMongoRepositories(basePackageClasses = {Accounts.class, Organisations.class, Territories.class},
        considerNestedRepositories = false)
@EnableConfigurationProperties({ConsoleSettings.class, InvitationSettings.class})
@Import({AccountService.class, Invitations.class, AuditLog.class, CommandLineAdministrator.class})
public class FirstAdministratorCommand {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The printed link's base: the application's public URL, made the way the application makes it. */
    @Bean
    PublicBaseUrl publicBaseUrl(@Value("${boussole.public-base-url:http://localhost:8080}") String url) {
        return PublicBaseUrl.parse(url);
    }
}
