package fr.boussole.app.soak;

import fr.boussole.app.crash.Percentiles;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The soak run: one store process, two app processes on it, web chat journeys at a steady rate, and
 * every {@code --kill-every} a {@code kill -9} of one app, alternately, restarted at once. At the end
 * it reads the store and prints what was sent, acknowledged, answered, duplicated and lost.
 *
 * <pre>scripts/soak [--duration 10m] [--rate 4] [--kill-every 60s] [--work target/soak]</pre>
 */
public final class SoakRun {

    public static void main(String[] args) throws Exception {
        // the driver's connection notices would drown the figures
        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext logging) {
            logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.WARN);
        }
        Map<String, String> options = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Duration duration = duration(options.getOrDefault("duration", "10m"));
        Duration killEvery = duration(options.getOrDefault("kill-every", "60s"));
        double rate = Double.parseDouble(options.getOrDefault("rate", "4"));
        String run = Long.toString(System.currentTimeMillis(), 36);
        Path work = Files.createDirectories(Path.of(options.getOrDefault("work", "target/soak")).resolve(run)).toAbsolutePath();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

        String loadBefore = Files.readString(Path.of("/proc/loadavg")).strip();
        System.out.printf("soak %s: %s at %.1f msg/s, kill -9 every %s; files in %s%n", run, duration, rate, killEvery, work);
        try (Cluster cluster = Cluster.start(work, http)) {
            System.out.printf("store %s, apps on %s and %s%n", cluster.mongoUri(), cluster.url(0), cluster.url(1));
            Traffic traffic = new Traffic(http, cluster, run);
            List<String> kills = new ArrayList<>();
            long started = System.nanoTime();
            Thread killer = Thread.ofPlatform().name("killer").start(() -> killEvery(cluster, killEvery, duration, traffic, kills));
            traffic.run(rate, duration);
            killer.interrupt();
            killer.join();
            double seconds = (System.nanoTime() - started) / 1e9;
            StoreCount store = StoreCount.read(cluster.mongoUri(), traffic);
            String report = report(rate, duration, killEvery, seconds, traffic, store, kills, cluster.storeAlive(), loadBefore);
            System.out.print(report);
            Files.writeString(work.resolve("figures.txt"), report);
        }
    }

    private static void killEvery(Cluster cluster, Duration period, Duration duration, Traffic traffic, List<String> kills) {
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        int slot = 0;
        try {
            for (int n = 1; start + n * period.toNanos() < end; n++) {
                long wait = start + n * period.toNanos() - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000);
                }
                // never both down by our hand: the other one must be serving before this one dies
                boolean otherUp = cluster.awaitHealthy(1 - slot);
                if (Thread.currentThread().isInterrupted() || System.nanoTime() >= end) {
                    return;
                }
                long pid = cluster.killAndRestart(slot);
                String line = String.format(Locale.ROOT, "t=%4.0fs kill -9 of %s (pid %d) after %d acknowledged messages%s",
                        (System.nanoTime() - start) / 1e9, slot == 0 ? "A" : "B", pid, traffic.acknowledged.get(),
                        otherUp ? "" : " (the other app was not up yet)");
                System.out.println(line);
                kills.add(line);
                slot = 1 - slot;
            }
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String report(double rate, Duration duration, Duration killEvery, double seconds, Traffic traffic, StoreCount store,
                         List<String> kills, boolean storeAlive, String loadBefore) throws IOException {
        List<Traffic.Outcome> outcomes = List.copyOf(traffic.outcomes.values());
        List<Long> latencies = outcomes.stream().filter(Traffic.Outcome::acknowledged).map(Traffic.Outcome::latencyNanos).sorted().toList();
        long acknowledged = latencies.size();
        long retried = outcomes.stream().filter(o -> o.attempts() > 1).count();
        long uncertain = outcomes.stream().filter(o -> o.uncertain() > 0).count();
        int maxAttempts = outcomes.stream().mapToInt(Traffic.Outcome::attempts).max().orElse(0);
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
        return String.format(Locale.ROOT, """
                ---- soak figures (%s)
                machine                  %d CPUs (%s), JDK %s %s, load average before %s, after %s
                settings                 %.1f msg/s for %s, kill -9 every %s (%d kills), %d journeys of %d messages
                sent                     %d messages in %.0f s (%d POSTs: %s, refused connections %d, cut or timed out %d)
                acknowledged (200)       %d (not acknowledged within %ds: %d)
                answered (in the store)  %d of %d recorded; processed %d, parked %d, still pending %d
                duplicates               turns %d, replies %d, records %d (beyond at-least-once); out of order %d
                retried by the client    %d messages (max %d attempts); %d after an attempt that may have been recorded
                                         (cut, timeout, 504): the at-least-once window, answered again from the store
                lost                     %d (acknowledged but unanswered)%s
                latency (acknowledged)   p50 %.0f ms, p99 %.0f ms, max %.0f ms (first attempt to 200, retries included)
                store process            %s
                %s
                """,
                Instant.now(), Runtime.getRuntime().availableProcessors(), cpu, System.getProperty("java.vendor"),
                System.getProperty("java.version"), loadBefore, Files.readString(Path.of("/proc/loadavg")).strip(),
                rate, duration, killEvery, kills.size(), traffic.journeys.get(), Traffic.JOURNEY.size(),
                outcomes.size(), seconds, traffic.statuses.values().stream().mapToInt(java.util.concurrent.atomic.AtomicInteger::get).sum()
                        + traffic.transportErrors.get() + traffic.refused.get(), new TreeMap<>(traffic.statuses),
                traffic.refused.get(), traffic.transportErrors.get(),
                acknowledged, Traffic.MESSAGE_DEADLINE.toSeconds(), outcomes.size() - acknowledged,
                store.answered(), store.recorded(), store.processed(), store.parked(), store.pending(),
                store.duplicateTurns(), store.duplicateReplies(), store.duplicateRecords(), store.outOfOrder(),
                retried, maxAttempts, uncertain, store.lost(), store.lostIds().isEmpty() ? "" : " " + store.lostIds().subList(0, Math.min(10, store.lostIds().size())),
                Percentiles.millis(latencies, 50), Percentiles.millis(latencies, 99), latencies.isEmpty() ? Double.NaN : latencies.getLast() / 1e6,
                storeAlive ? "up all along" : "DIED", String.join("\n", kills));
    }

    private static Duration duration(String text) {
        return Duration.parse("PT" + text.toUpperCase(Locale.ROOT));
    }
}
