package fr.boussole.app.outage;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * A store process that can be stopped and started again on the same port with its data: the
 * embedded store's own backend (an H2 MVStore file), closed on stop as a store process closes its
 * files, and opened again on start.
 */
final class RestartableStore {

    private final Path file;
    private int port;
    private MongoServer server;

    RestartableStore(Path dir) {
        this.file = dir.resolve("outage.mv");
    }

    /** Listens on the port of the first start (a free one then). */
    synchronized void start() {
        server = new MongoServer(new H2Backend(file.toAbsolutePath().toString()));
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        port = server.getLocalAddress().getPort();
    }

    /** Cuts every client connection, stops listening and closes the file. */
    synchronized void stop() {
        server.shutdownNow();
        server = null;
    }

    /**
     * The connection string with the driver's timeouts shortened, so that an operation fails within
     * about a second while the store is down and the driver sees it back within half a second.
     */
    String uri() {
        return "mongodb://127.0.0.1:" + port + "/boussole?serverSelectionTimeoutMS=1000&connectTimeoutMS=1000"
                + "&socketTimeoutMS=5000&heartbeatFrequencyMS=500";
    }
}
