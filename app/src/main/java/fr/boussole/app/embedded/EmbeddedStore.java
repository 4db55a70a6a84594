package fr.boussole.app.embedded;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import fr.boussole.core.settings.InvalidSettingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A MongoDB wire-protocol server on a loopback port, keeping its data in one MVStore file under
 * the data directory. The app talks to it through the real driver, exactly as to a real MongoDB.
 * A write is answered only once committed to the file ({@link DurableH2Backend}). While open, its address
 * is written beside the file ({@link RunningStore}), so that a command run while the app holds the file
 * (such as {@code --create-admin}) reaches the data through this server.
 */
public final class EmbeddedStore implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStore.class);
    /**
     * The store's connection threads (Netty event loops, each serving the connections assigned to it).
     * A write holds its thread until the commit covering it is done, and everything else on that
     * thread waits meanwhile: with Netty's default (twice the cores, 4 here) a health ping or a read
     * queued behind a commit. With a thread per pooled connection (Netty assigns them in turn; threads start with their first
     * connection; the driver pools at most 100 per app), a commit holds up only the
     * writes it covers.
     */
    static final int CONNECTION_THREADS = 128;
    static final String FILE_NAME = "boussole.mv";

    private final DurableH2Backend backend;
    private final MongoServer server;
    private final String connectionString;
    private final Path dataDir;

    private final String description;
    private final List<String> warnings;

    private EmbeddedStore(DurableH2Backend backend, MongoServer server, String connectionString, Path dataDir,
                          String description, List<String> warnings) {
        this.backend = backend;
        this.server = server;
        this.connectionString = connectionString;
        this.dataDir = dataDir;
        this.description = description;
        this.warnings = List.copyOf(warnings);
    }

    /** Opens the store on a random loopback port, for this process only. */
    public static EmbeddedStore open(Path dataDir) {
        return open(dataDir, new StoreAddress(InetAddress.getLoopbackAddress().getHostAddress(), 0), StoreFileSettings.DEFAULT);
    }

    /**
     * Opens the store on the given address, which other processes may use too (see {@link StoreServer}).
     *
     * @param settings how its file is kept: forced to the disk at each commit or not, compacted below which share in use
     */
    public static EmbeddedStore open(Path dataDir, StoreAddress at, StoreFileSettings settings) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(dataDir);
        } catch (IOException | SecurityException e) {
            throw new InvalidSettingException("BOUSSOLE_DATA_DIR", "cannot create " + dataDir.toAbsolutePath() + " (" + e.getMessage() + ")");
        }
        if (!Files.isWritable(dataDir) || (Files.exists(file) && !Files.isWritable(file))) {
            throw new InvalidSettingException("BOUSSOLE_DATA_DIR", dataDir.toAbsolutePath() + " is not writable");
        }
        DurableH2Backend backend;
        try {
            backend = DurableH2Backend.open(file.toAbsolutePath().toString(), settings);
        } catch (RuntimeException e) {
            throw new StoreFileInUse(dataDir, "cannot open " + file.toAbsolutePath()
                    + " (in use by another process?): " + e.getMessage());
        }
        MongoServer server = new MongoServer(backend);
        try {
            server.bind(at.socketAddress(), 1, CONNECTION_THREADS);
        } catch (RuntimeException e) {
            backend.close();
            if (e instanceof InvalidSettingException invalid) {
                throw invalid;
            }
            throw new InvalidSettingException(StoreAddress.PORT, "cannot listen on " + at.bind() + ":" + at.port()
                    + " (in use?): " + e.getMessage());
        }
        InetSocketAddress address = server.getLocalAddress();
        String host = address.getAddress().isAnyLocalAddress() ? InetAddress.getLoopbackAddress().getHostAddress() : address.getHostString();
        String uri = "mongodb://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort() + "/boussole";
        List<String> warnings = RunningStore.advertise(dataDir, uri).stream().toList();
        String description = "Embedded store on %s with data in %s (compacted when idle below %d %% in use%s)".formatted(
                address, file.toAbsolutePath(), settings.compactFillRate(), settings.fsync() ? ", each commit forced to the disk" : "");
        return new EmbeddedStore(backend, server, uri, dataDir, description, warnings);
    }

    /**
     * Rewrites the file's chunks until they are full and next to each other, for at most {@code atMost}. MVStore's
     * background compaction does this a little at a time, harder when the store is idle; a store filled in minutes
     * (the benchmark's history, {@code HistoryFill}) is left with chunks it then rewrites for a long while, costing
     * CPU a store grown over months would not (BENCHMARKS.md). Every map of the file must be open with its own type:
     * the database is, once any command has reached it.
     */
    public void compact(Duration atMost) {
        backend.compactFile((int) Math.min(Integer.MAX_VALUE, atMost.toMillis()));
    }

    /** Commits of the store's file so far (writers waiting together share one). */
    public long commitCount() {
        return backend.commitCount();
    }

    public String connectionString() {
        return connectionString;
    }

    /**
     * Where it listens, where its file is and how that file is kept, for the log of whoever opened it. Not logged
     * here: the app opens its store before Spring Boot has set logging up, when a logger's lines are dropped.
     */
    public String description() {
        return description;
    }

    /** What went wrong while opening that the store works without, for the same log, at warning level. */
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public void destroy() {
        RunningStore.withdraw(dataDir, connectionString);
        server.shutdownNow();
        backend.close();
        log.info("Embedded store closed");
    }
}
