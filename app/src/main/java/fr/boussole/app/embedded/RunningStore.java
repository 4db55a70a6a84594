package fr.boussole.app.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The address of the embedded store a running process holds, in {@code store.uri} beside its file: the
 * process that opens the file writes it, and deletes it on a clean stop. A command started on the same
 * data directory while the file is held reads it to reach the data through that process's server
 * instead of failing on the file lock. A file left by a killed process is harmless: the lock is gone
 * with the process, so the next one opens the file itself, and the address is checked before use.
 */
public final class RunningStore {

    static final String FILE_NAME = "store.uri";
    /**
     * Set by commands: when another process holds the embedded store's file, use the server it runs
     * instead of stopping.
     */
    public static final String ATTACH = "boussole.store.attach-to-running";
    private static final Logger log = LoggerFactory.getLogger(RunningStore.class);
    private static final int CONNECT_TIMEOUT_MS = 2_000;

    private RunningStore() {}

    /**
     * @return the warning for the log when the address could not be written: the store works without it (only
     *         commands run beside a running app need it). Returned, not logged: the app opens its store before
     *         Spring Boot has set logging up, when a logger's lines are dropped.
     */
    static Optional<String> advertise(Path dataDir, String uri) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dataDir, FILE_NAME, ".tmp");
            Files.writeString(tmp, uri + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, dataDir.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return Optional.empty();
        } catch (IOException e) {
            deleteQuietly(tmp);
            return Optional.of("Could not write %s (%s): commands such as --create-admin cannot reach this store while it runs"
                    .formatted(dataDir.resolve(FILE_NAME), e));
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.debug("Could not delete {}: {}", file, e.getMessage());
        }
    }

    static void withdraw(Path dataDir, String uri) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).strip().equals(uri)) {
                Files.delete(file);
            }
        } catch (IOException e) {
            log.debug("Could not delete {}: {}", file, e.getMessage());
        }
    }

    /** The connection string of the store running on this data directory, if one answers there. */
    public static Optional<String> uriIn(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            String uri = Files.readString(file, StandardCharsets.UTF_8).strip();
            URI parsed = URI.create(uri);
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(parsed.getHost(), parsed.getPort()), CONNECT_TIMEOUT_MS);
            }
            return Optional.of(uri);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
