package fr.boussole.app.admin;

import fr.boussole.core.settings.InvalidSettingException;
import fr.boussole.app.embedded.RunningStore;
import fr.boussole.console.ConsoleModule;
import fr.boussole.core.admin.FirstAdministrator;
import fr.boussole.core.admin.FirstAdministrator.Outcome;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Optional;

/**
 * {@code --create-admin=EMAIL}: creates a national administrator on the configured store (the embedded
 * one, or {@code MONGODB_URI}), or finds it, and prints a one-time link to set the password; then the
 * process ends. It starts no web server, no pipeline and no scheduled job, only the store: so it runs
 * beside an app serving the same store, and when that app holds the embedded store's file, it reaches the
 * data through the app's store server ({@link RunningStore}). The work is the console's, behind the bot-core
 * port {@link FirstAdministrator} ({@link ConsoleModule#firstAdministratorCommand()} assembles it). Running it again for the same email prints
 * a new link (the previous one stops working). Exit status: 0 done, 1 refused (the email belongs to an
 * account of another role, or the store cannot be reached), 2 bad usage.
 */
public final class CreateAdminCommand {

    public static final String OPTION = "--create-admin";

    private CreateAdminCommand() {}

    /** True when the command line asks for this command. */
    public static boolean requested(String[] args) {
        return Arrays.stream(args).anyMatch(a -> a.equals(OPTION) || a.startsWith(OPTION + "="));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Optional<String> email = Arrays.stream(args).filter(a -> a.startsWith(OPTION + "="))
                .map(a -> a.substring(OPTION.length() + 1).strip()).filter(e -> !e.isEmpty()).findFirst();
        if (email.isEmpty()) {
            err.println("Usage: --create-admin=EMAIL (the administrator's email address)");
            return 2;
        }
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(ConsoleModule.firstAdministratorCommand())
                    .web(WebApplicationType.NONE)
                    .logStartupInfo(false)
                    .properties("spring.main.banner-mode=off", "logging.level.root=WARN",
                            RunningStore.ATTACH + "=true")
                    .run(args);
        } catch (RuntimeException e) {
            err.println("The store could not be opened: " + reason(e));
            return 1;
        }
        try (context) {
            return switch (context.getBean(FirstAdministrator.class).issue(email.get())) {
                case Outcome.Issued issued -> {
                    out.println("Administrator " + issued.email() + ": set the password within "
                            + shown(issued.validity()) + " at:");
                    out.println(issued.link());
                    yield 0;
                }
                case Outcome.NotAnEmail notAnEmail -> {
                    err.println("Not an email address: " + notAnEmail.typed());
                    yield 2;
                }
                case Outcome.OtherRole other -> {
                    err.println("The account " + other.email() + " exists with the role " + other.role()
                            + "; change its role in the console instead");
                    yield 1;
                }
            };
        } catch (RuntimeException e) {
            err.println("The administrator could not be created: " + reason(e));
            return 1;
        }
    }

    private static String shown(java.time.Duration validity) {
        return validity.toHours() >= 48 && validity.toHours() % 24 == 0 ? validity.toDays() + " days"
                : validity.toMinutes() >= 120 ? validity.toHours() + " hours" : validity.toMinutes() + " minutes";
    }

    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidSettingException invalid) {
                return invalid.variable() + ": " + invalid.problem();
            }
        }
        return e.getMessage();
    }
}
