package fr.boussole.app.privacy;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.io.PrintStream;

/**
 * The command line of a key rotation: {@code --reseal-personal-data} re-seals every sealed value
 * with the current key (see {@link Reseal}), prints what it did and exits (0 when done, 1 on an error).
 */
@Component
@Order(100)
class ResealCommand implements ApplicationRunner {

    static final String OPTION = "reseal-personal-data";

    private final Reseal reseal;
    private final ApplicationContext context;

    ResealCommand(Reseal reseal, ApplicationContext context) {
        this.reseal = reseal;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (args.containsOption(OPTION)) {
            int status = execute(System.out);
            System.exit(SpringApplication.exit(context, () -> status));
        }
    }

    int execute(PrintStream out) {
        try {
            Reseal.Report report = reseal.run();
            out.printf("Re-sealed %d value(s) in %d of %d document(s) with the current key; %d contact request(s) found in clear sealed%n",
                    report.values(), report.rewritten(), report.documents(), report.requestsSealed());
            return 0;
        } catch (RuntimeException e) {
            out.println("Re-seal stopped: " + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + " (run it again: it goes on where it stopped)");
            return 1;
        }
    }
}
