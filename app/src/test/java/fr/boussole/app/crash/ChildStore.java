package fr.boussole.app.crash;

import fr.boussole.app.embedded.StoreServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The embedded store run alone ({@link StoreServer}) in its own JVM, its H2 file in a given directory. */
public final class ChildStore {

    private final Process process;
    private final Path log;
    private final String mongoUri;

    private ChildStore(Process process, Path log, String mongoUri) {
        this.process = process;
        this.log = log;
        this.mongoUri = mongoUri;
    }

    /** Starts the store on a free loopback port and waits, bounded, for it to print its connection string. */
    public static ChildStore start(Path dataDir, Path log, Duration timeout) throws IOException, InterruptedException {
        Process process = launch(dataDir, log, ChildApp.freePort());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> ready = readyLine(log);
            if (ready.isPresent()) {
                return new ChildStore(process, log, ready.get().substring(StoreServer.READY.length()).strip());
            }
            if (!process.isAlive()) {
                throw new AssertionError("the store exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new AssertionError("the store did not start within " + timeout + ", see " + log);
    }

    /** Starts the store process without waiting for it: for tests of a refused start. */
    public static Process launch(Path dataDir, Path log, int port) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        return new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-cp", ChildApp.productionClasspath(),
                StoreServer.class.getName(), "--port", Integer.toString(port), "--data-dir", dataDir.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static Optional<String> readyLine(Path log) throws IOException {
        if (!Files.exists(log)) {
            return Optional.empty();
        }
        return Files.readAllLines(log).stream().filter(line -> line.startsWith(StoreServer.READY)).findFirst();
    }

    public String mongoUri() {
        return mongoUri;
    }

    public Path log() {
        return log;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** SIGTERM: the store closes its file, as on a normal stop. */
    public int stop() throws InterruptedException {
        process.destroy();
        return process.waitFor();
    }
}
