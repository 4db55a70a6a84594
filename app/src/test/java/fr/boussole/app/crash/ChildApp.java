package fr.boussole.app.crash;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One instance of the real application in its own JVM: a plain {@code BoussoleApplication} run with the
 * real engine and modules, on a shared store, killed with SIGKILL when the test says so. Used by
 * KillNineIT, StoreServerIT and the soak run.
 */
public final class ChildApp {

    private static final String MAIN = "fr.boussole.app.BoussoleApplication";

    public final String name;
    public final int port;
    public final Path log;
    private final Process process;

    private ChildApp(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    public static ChildApp start(String name, String mongoUri, boolean demoData, Path workDir) throws IOException {
        return start(name, mongoUri, demoData, workDir, freePort(), List.of());
    }

    /**
     * @param port       its HTTP port (a restarted instance may take its predecessor's)
     * @param extraArgs  more {@code --property=value} arguments; one naming a default's property replaces it
     */
    public static ChildApp start(String name, String mongoUri, boolean demoData, Path workDir, int port, List<String> extraArgs)
            throws IOException {
        return start(name, mongoUri, demoData, workDir, port, extraArgs, java.util.Map.of());
    }

    /**
     * @param mongoUri null for the default setup: the embedded store inside the child process, its
     *                 file in the child's data directory (which a restart under the same name reuses)
     * @param env      more environment variables (Twilio's settings...)
     */
    public static ChildApp start(String name, String mongoUri, boolean demoData, Path workDir, int port, List<String> extraArgs,
                                 java.util.Map<String, String> env) throws IOException {
        Path dataDir = Files.createDirectories(workDir.resolve(name + "-data"));
        Path log = uniqueLog(workDir, name);
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:+UseSerialGC",
                "-cp", productionClasspath(), MAIN,
                "--boussole.pipeline.poll-interval=1s",
                "--boussole.pipeline.lease=5s",
                // each instance indexes the offers once, at its first search: no periodic rebuild while another
                // instance starts on the same store (the journey's questions depend on the offers that match)
                "--boussole.store.index-refresh=PT1H",
                "--spring.main.banner-mode=off"));
        // a setting given twice on the command line reads as both values joined by a comma: an extra one replaces the default
        command.removeIf(arg -> arg.startsWith("--") && arg.contains("=") && extraArgs.stream()
                .anyMatch(extra -> extra.startsWith(arg.substring(0, arg.indexOf('=') + 1))));
        command.addAll(extraArgs);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        if (mongoUri != null) {
            builder.environment().put("MONGODB_URI", mongoUri);
        } else {
            builder.environment().remove("MONGODB_URI");
        }
        // a store of one's own needs the keys of personal data; both children share them
        builder.environment().put("BOUSSOLE_DATA_KEYS", fr.boussole.app.testing.TestKeys.dataKeys());
        builder.environment().put("BOUSSOLE_LOOKUP_KEY", fr.boussole.app.testing.TestKeys.lookupKey());
        builder.environment().put("BOUSSOLE_METRICS_TOKEN", fr.boussole.app.testing.TestKeys.metricsAuthorization().substring("Bearer ".length()));
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        // a whole burst from one address: the web chat's limits are not what these runs measure
        builder.environment().put("BOUSSOLE_CHANNELS_WEB_CHAT_MESSAGES_PER_ADDRESS", "1000000");
        builder.environment().put("BOUSSOLE_CHANNELS_WEB_CHAT_MESSAGES_PER_SESSION", "1000000");
        builder.environment().put("BOUSSOLE_DEMO_DATA", Boolean.toString(demoData));
        builder.environment().put("BOUSSOLE_DATA_DIR", dataDir.toString());
        builder.environment().putAll(env);
        return new ChildApp(name, port, log, builder.start());
    }

    /**
     * The test's classpath without test classes: the test sources hold a {@code @TestConfiguration}
     * (an echo engine) under {@code fr.boussole}, which the application's component scan would pick up.
     */
    public static String productionClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.replace('\\', '/').contains("/test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** A restart under the same name keeps its predecessor's log beside its own. */
    private static Path uniqueLog(Path workDir, String name) {
        Path log = workDir.resolve(name + ".log");
        for (int n = 2; Files.exists(log); n++) {
            log = workDir.resolve(name + "-" + n + ".log");
        }
        return log;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Waits, bounded, for {@code /actuator/health} to answer UP. */
    public void awaitHealthy(HttpClient http, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + ", see " + log);
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError(name + " not healthy within " + timeout + ", see " + log);
    }

    /** SIGKILL on Linux: no shutdown hook, no graceful stop, work in flight is simply cut. */
    public void killNine() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public void stop() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
