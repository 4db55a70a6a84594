package fr.boussole.app.admin;

import fr.boussole.app.crash.ChildApp;
import fr.boussole.app.testing.TestKeys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged application's main class run in a JVM of its own, as an operator runs it: with a
 * command-line argument such as {@code --create-admin=EMAIL} (runs and exits), or as the server
 * (started, then stopped with SIGTERM so that the embedded store closes its file properly).
 */
public final class CommandLineApp {

    static final String MAIN = "fr.boussole.app.BoussoleApplication";
    private static final Pattern LINK = Pattern.compile("(https?://\\S+/console/invitation/[A-Za-z0-9_-]{43})");

    /** What a command printed and how it ended. */
    public record Outcome(int exitCode, String out, String err) {
        /** The set-password link printed, if any. */
        public String link() {
            Matcher m = LINK.matcher(out);
            return m.find() ? m.group(1) : null;
        }
    }

    private CommandLineApp() {}

    /** Runs the main class with these arguments and settings (environment variables) until it exits. */
    public static Outcome run(Map<String, String> environment, Path workDir, String... args) throws Exception {
        Path out = Files.createTempFile(workDir, "command", ".out");
        Path err = Files.createTempFile(workDir, "command", ".err");
        ProcessBuilder builder = new ProcessBuilder(command(args)).redirectOutput(out.toFile()).redirectError(err.toFile());
        settings(builder, environment);
        Process process = builder.start();
        if (!process.waitFor(startTimeout().toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the command did not end within " + startTimeout() + ": " + String.join(" ", args));
        }
        return new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** Starts the server; {@link Server#stop()} ends it with SIGTERM. */
    static Server start(Map<String, String> environment, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command("--spring.main.banner-mode=off"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        settings(builder, environment);
        return new Server(builder.start(), log);
    }

    record Server(Process process, Path log) {
        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        }
    }

    private static List<String> command(String... args) {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:+UseSerialGC", "-cp",
                ChildApp.productionClasspath(), MAIN));
        command.addAll(List.of(args));
        return command;
    }

    private static void settings(ProcessBuilder builder, Map<String, String> environment) {
        builder.environment().remove("MONGODB_URI");
        builder.environment().put("BOUSSOLE_DATA_KEYS", TestKeys.dataKeys());
        builder.environment().put("BOUSSOLE_LOOKUP_KEY", TestKeys.lookupKey());
        builder.environment().putAll(environment);
    }

    /**
     * How long a child JVM may take to start Spring: a wait-for, not a delay (it returns as soon as the app
     * answers). 3 minutes ran out with several builds on two cores (65 s for the context alone), as
     * KillNineIT's did (now 600 s).
     */
    static Duration startTimeout() {
        return Duration.ofMinutes(10);
    }
}
