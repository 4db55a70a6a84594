package fr.boussole.app.load;

import fr.boussole.app.crash.Percentiles;
import fr.boussole.app.testing.Instances;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends web chat traffic at a fixed rate (open loop: a slow answer does not slow the sending) and
 * reports throughput and latency percentiles. Without --url it starts the app in this JVM on a
 * fresh embedded store, with the pipeline's test engine (the real engine comes with the merge).
 *
 * <pre>scripts/load --rate 50 --duration 30s [--sessions 200] [--url http://localhost:8080]</pre>
 */
public final class LoadDriver {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int rate = Integer.parseInt(options.getOrDefault("rate", "50"));
        Duration duration = Duration.parse("PT" + options.getOrDefault("duration", "30s").toUpperCase());
        int sessions = Integer.parseInt(options.getOrDefault("sessions", Integer.toString(Math.max(10, rate * 2))));
        String url = options.get("url");
        ConfigurableApplicationContext app = null;
        if (url == null) {
            Path data = Files.createTempDirectory("boussole-load");
            app = Instances.start("boussole.data-dir=" + data, "logging.level.root=WARN",
                    "boussole.pipeline.workers=" + options.getOrDefault("workers", "4"));
            url = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
            System.out.printf("started the app in-process on %s (embedded store in %s)%n", url, data);
        }
        try {
            run(url, rate, duration, sessions);
        } finally {
            if (app != null) {
                app.close();
            }
        }
    }

    private static void run(String url, int rate, Duration duration, int sessions) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String run = Long.toString(System.currentTimeMillis(), 36);
        // warm-up: one message per session, not measured
        List<CompletableFuture<HttpResponse<Void>>> warm = new ArrayList<>();
        for (int s = 0; s < sessions; s++) {
            warm.add(http.sendAsync(request(url, run, s, "bonjour"), HttpResponse.BodyHandlers.discarding()));
            if (warm.size() >= 50) {
                warm.forEach(CompletableFuture::join);
                warm.clear();
            }
        }
        warm.forEach(CompletableFuture::join);

        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicInteger failures = new AtomicInteger();
        AtomicLong lastDone = new AtomicLong();
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        long total = rate * duration.toSeconds();
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int session = (int) (i % sessions);
            long sentAt = System.nanoTime();
            inFlight.add(http.sendAsync(request(url, run, session, "message " + i), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        long now = System.nanoTime();
                        lastDone.accumulateAndGet(now, Math::max);
                        if (error != null) {
                            failures.incrementAndGet();
                            return;
                        }
                        statuses.computeIfAbsent(response.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                        if (response.statusCode() == 200) {
                            latencies.add(now - sentAt);
                        }
                    }));
        }
        long sendingDone = System.nanoTime();
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        double elapsed = (lastDone.get() - start) / 1e9;
        System.out.printf("target rate      %d msg/s for %ds, %d sessions%n", rate, duration.toSeconds(), sessions);
        System.out.printf("sent             %d in %.1f s (achieved send rate %.1f msg/s)%n", total,
                (sendingDone - start) / 1e9, total / ((sendingDone - start) / 1e9));
        System.out.printf("answered 200     %d, other statuses %s, transport errors %d%n", sorted.size(),
                statuses.entrySet().stream().filter(e -> e.getKey() != 200).map(e -> e.getKey() + "x" + e.getValue()).toList(),
                failures.get());
        System.out.printf("throughput       %.1f replies/s%n", sorted.size() / elapsed);
        if (!sorted.isEmpty()) {
            System.out.printf("latency ms       p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n", Percentiles.millis(sorted, 50),
                    Percentiles.millis(sorted, 90), Percentiles.millis(sorted, 99), sorted.getLast() / 1e6);
        }
    }

    private static HttpRequest request(String url, String run, int session, String text) {
        return HttpRequest.newBuilder(URI.create(url + "/api/chat/load-" + run + "-" + session + "/messages"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + text + "\"}"))
                .build();
    }
}
