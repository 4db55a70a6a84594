package fr.boussole.app.admin;

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
 * The little the command line needs: the store client (same settings and embedded store as the app, through
 * the app's environment post-processor), the account service and the audit log; no web server, no pipeline,
 * no channel, no scheduled job. Deliberately not a {@code @Configuration}: the application's component scan
 * must not pick it up (it is a source of its own {@code SpringApplication}, where its annotations apply).
 */
@ImportAutoConfiguration({MongoAutoConfiguration.class, DataMongoAutoConfiguration.class})
@EnableMongoRepositories(basePackageClasses = {Accounts.class, Organisations.class, Territories.class},
        considerNestedRepositories = false)
@EnableConfigurationProperties({ConsoleSettings.class, InvitationSettings.class})
@Import({AccountService.class, Invitations.class, AuditLog.class})
class AdminCommandConfiguration {

    /** Where an invitation link opens in the console. */
    static final String INVITATION_PATH = "/console/invitation/";

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
