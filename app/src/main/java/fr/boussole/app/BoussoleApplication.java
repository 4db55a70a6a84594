package fr.boussole.app;

import fr.boussole.app.admin.CreateAdminCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.data.mongodb.repository.config.EnableMongoRepositories;

/**
 * Boussole Bot: every module's adapters assembled into one application. Components, documents and
 * repositories are found under {@code fr.boussole}, not only under this package, since each module
 * brings its own.
 */
@SpringBootApplication(scanBasePackages = "fr.boussole")
@EntityScan("fr.boussole")
@EnableMongoRepositories("fr.boussole")
public class BoussoleApplication {

    public static void main(String[] args) {
        // a command-line task that needs only the store, runnable beside a running app
        if (CreateAdminCommand.requested(args)) {
            System.exit(CreateAdminCommand.run(args, System.out, System.err));
        }
        SpringApplication.run(BoussoleApplication.class, args);
    }
}
