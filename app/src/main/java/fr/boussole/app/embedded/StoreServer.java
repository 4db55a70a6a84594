package fr.boussole.app.embedded;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import fr.boussole.core.settings.InvalidSettingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The embedded store as a process of its own, so that several app processes share it and killing
 * an app does not take the data down with it:
 *
 * <pre>scripts/store [--port 27017] [--bind 127.0.0.1] [--data-dir ./data] [--fsync false] [--compact-fill-rate 50]</pre>
 *
 * Each option may also come from the environment ({@code BOUSSOLE_STORE_PORT}, {@code BOUSSOLE_STORE_BIND},
 * {@code BOUSSOLE_DATA_DIR}, {@code BOUSSOLE_STORE_FSYNC}, {@code BOUSSOLE_STORE_COMPACT_FILL_RATE}); an option wins. It prints the {@code MONGODB_URI} the apps take, and on
 * SIGTERM or Ctrl-C closes the file properly. No Spring here: a wire-protocol server and its file.
 */
public final class StoreServer {

    /** MongoDB's own port: tools and people expect a store there. */
    static final int DEFAULT_PORT = 27017;
    /** Printed on standard output once the port is open: scripts and tests wait for it. */
    public static final String READY = "Boussole store ready: MONGODB_URI=";

    private static final Logger log = LoggerFactory.getLogger(StoreServer.class);

    private StoreServer() {}

    public static void main(String[] args) throws InterruptedException {
        quietLogging();
        EmbeddedStore store;
        try {
            Map<String, String> settings = settings(args);
            StoreAddress address = StoreAddress.from(settings::get, DEFAULT_PORT);
            Path dataDir = Path.of(settings.getOrDefault("BOUSSOLE_DATA_DIR", "./data"));
            store = EmbeddedStore.open(dataDir, address, StoreFileSettings.from(settings::get));
        } catch (InvalidSettingException e) {
            System.err.println("Invalid setting " + e.variable() + ": " + e.problem());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            store.destroy();
            stopped.countDown();
        }, "store-shutdown"));
        log.info(store.description());
        store.warnings().forEach(log::warn);
        System.out.println(READY + store.connectionString());
        System.out.flush();
        stopped.await();
    }

    /** The environment's settings, overridden by {@code --port}, {@code --bind}, {@code --data-dir}, {@code --fsync},
     * {@code --compact-fill-rate}. */
    static Map<String, String> settings(String[] args) {
        Map<String, String> settings = new HashMap<>();
        for (String variable : new String[]{StoreAddress.PORT, StoreAddress.BIND, "BOUSSOLE_DATA_DIR",
                StoreFileSettings.FSYNC, StoreFileSettings.COMPACT_FILL_RATE}) {
            String value = System.getenv(variable);
            if (value != null) {
                settings.put(variable, value);
            }
        }
        for (int i = 0; i < args.length; i++) {
            String variable = switch (args[i]) {
                case "--port" -> StoreAddress.PORT;
                case "--bind" -> StoreAddress.BIND;
                case "--data-dir" -> "BOUSSOLE_DATA_DIR";
                case "--fsync" -> StoreFileSettings.FSYNC;
                case "--compact-fill-rate" -> StoreFileSettings.COMPACT_FILL_RATE;
                default -> throw new InvalidSettingException(args[i],
                        "unknown option; expected --port, --bind, --data-dir, --fsync or --compact-fill-rate");
            };
            if (i + 1 >= args.length) {
                throw new InvalidSettingException(args[i], "a value is missing");
            }
            settings.put(variable, args[++i]);
        }
        return settings;
    }

    /**
     * Without Spring Boot's configuration Logback logs everything at DEBUG, and the wire-protocol
     * server would then describe the commands it receives, personal data included: INFO only.
     */
    private static void quietLogging() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
        }
    }
}
