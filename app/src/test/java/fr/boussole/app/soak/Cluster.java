package fr.boussole.app.soak;

import fr.boussole.app.crash.ChildApp;
import fr.boussole.app.crash.ChildStore;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One store process and two app slots on it. A slot keeps its HTTP port across restarts, so clients
 * keep their two URLs; while a slot's app is dead or starting, its URL refuses connections and the
 * clients go to the other one.
 */
final class Cluster implements AutoCloseable {

    static final Duration STARTUP = Duration.ofSeconds(180);

    private final Path work;
    private final ChildStore store;
    private final int[] ports = new int[2];
    private final AtomicReferenceArray<ChildApp> slots = new AtomicReferenceArray<>(2);
    private final int[] generations = new int[2];
    private final List<ChildApp> all = new ArrayList<>();
    private final HttpClient http;

    private Cluster(Path work, ChildStore store, HttpClient http) {
        this.work = work;
        this.store = store;
        this.http = http;
    }

    static Cluster start(Path work, HttpClient http) throws IOException, InterruptedException {
        ChildStore store = ChildStore.start(work.resolve("store-data"), work.resolve("store.log"), STARTUP);
        Cluster cluster = new Cluster(work, store, http);
        for (int slot = 0; slot < 2; slot++) {
            cluster.ports[slot] = ChildApp.freePort();
            cluster.launch(slot, slot == 0);
        }
        for (int slot = 0; slot < 2; slot++) {
            cluster.slots.get(slot).awaitHealthy(http, STARTUP);
        }
        return cluster;
    }

    String mongoUri() {
        return store.mongoUri();
    }

    String url(int slot) {
        return "http://127.0.0.1:" + ports[slot];
    }

    boolean storeAlive() {
        return store.alive();
    }

    /** Kills the slot's app with SIGKILL and starts a new one on the same port at once; returns its pid. */
    synchronized long killAndRestart(int slot) throws IOException, InterruptedException {
        ChildApp victim = slots.get(slot);
        long pid = victim.pid();
        victim.killNine();
        launch(slot, false);
        return pid;
    }

    /** Waits, bounded, until the slot's current app answers UP; false if it did not in time. */
    boolean awaitHealthy(int slot) {
        try {
            slots.get(slot).awaitHealthy(http, STARTUP);
            return true;
        } catch (AssertionError notUp) {
            return false;
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void launch(int slot, boolean demoData) throws IOException {
        String name = (slot == 0 ? "A" : "B") + (++generations[slot]);
        ChildApp app = ChildApp.start(name, store.mongoUri(), demoData, work, ports[slot],
                List.of("--logging.level.root=WARN"));
        slots.set(slot, app);
        all.add(app);
    }

    @Override
    public void close() throws InterruptedException {
        all.forEach(ChildApp::stop);
        store.stop();
    }
}
