package fr.boussole.app;

import fr.boussole.app.admin.CreateAdminCommand;
import fr.boussole.channels.ChannelsModule;
import fr.boussole.console.ConsoleModule;
import fr.boussole.pipeline.PipelineModule;
import fr.boussole.store.OfferStoreModule;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * Boussole Bot: the modules assembled into one application. Each module is named here by its entry
 * point; this package holds only the assembly (settings and their start-up check, the embedded
 * store, the dialogs' wiring, command-line tasks). The dialogs module is plain Java, wired in
 * {@code dialog.DialogConfiguration}.
 */
@SpringBootApplication
@Import({OfferStoreModule.class, PipelineModule.class, ChannelsModule.class, ConsoleModule.class})
public class BoussoleApplication {

    public static void main(String[] args) {
        // a command-line task that needs only the store, runnable beside a running app
        if (CreateAdminCommand.requested(args)) {
            System.exit(CreateAdminCommand.run(args, System.out, System.err));
        }
        SpringApplication.run(BoussoleApplication.class, args);
    }
}
