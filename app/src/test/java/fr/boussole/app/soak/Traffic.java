package fr.boussole.app.soak;

import org.bson.Document;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Web chat journeys started at a steady pace, so that messages arrive at about {@code rate} per second.
 * Each journey is a young person: one message after the other, each waiting for its answer. Each
 * message is sent as the chat page sends it: one X-Message-Id for all its attempts, retried on any
 * failure (connection cut by a kill, 503, 504) against the other instance, until a 200 or a deadline.
 */
final class Traffic {

    /** Welcome, age, commune, theme, answers, then a word the bot does not expect. */
    static final List<String> JOURNEY = List.of("bonjour", "19", "cahors", "emploi", "1", "2", "1", "aide");
    static final Duration MESSAGE_DEADLINE = Duration.ofSeconds(180);

    /**
     * What the client saw of one message.
     *
     * @param uncertain attempts that may have reached an app and been recorded without the client seeing the
     *                  answer (cut connection, timeout, 504): the at-least-once window, where the replies of a
     *                  retried message are shown again. A refused connection reached no app and is not counted.
     */
    record Outcome(String session, int step, int attempts, int uncertain, boolean acknowledged, int replies, long latencyNanos) {}

    private final HttpClient http;
    private final Cluster cluster;
    private final String run;
    final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
    final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    final AtomicInteger transportErrors = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();
    final AtomicInteger journeys = new AtomicInteger();
    final AtomicInteger acknowledged = new AtomicInteger();

    Traffic(HttpClient http, Cluster cluster, String run) {
        this.http = http;
        this.cluster = cluster;
        this.run = run;
    }

    String sessionId(int journey) {
        return "soak-" + run + "-" + journey;
    }

    /** Starts journeys for {@code duration}, then waits (bounded) for the journeys under way to finish. */
    void run(double rate, Duration duration) throws InterruptedException {
        long interval = (long) (1e9 * JOURNEY.size() / rate);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long due = start; due < end; due += interval) {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                int journey = journeys.getAndIncrement();
                clients.submit(() -> journey(journey));
            }
            clients.shutdown();
            if (!clients.awaitTermination(MESSAGE_DEADLINE.toSeconds() * JOURNEY.size(), TimeUnit.SECONDS)) {
                System.out.println("some journeys still under way after the deadline; counted as they stand");
                clients.shutdownNow();
            }
        }
    }

    private Void journey(int journey) throws InterruptedException {
        for (int step = 0; step < JOURNEY.size(); step++) {
            if (!send(journey, step, JOURNEY.get(step))) {
                return null; // a young person whose message is never answered stops there
            }
        }
        return null;
    }

    private boolean send(int journey, int step, String text) throws InterruptedException {
        String session = sessionId(journey);
        long start = System.nanoTime();
        long deadline = start + MESSAGE_DEADLINE.toNanos();
        int attempts = 0;
        int uncertain = 0;
        while (System.nanoTime() < deadline) {
            int slot = (journey + step + attempts) % 2;
            attempts++;
            HttpRequest request = HttpRequest.newBuilder(URI.create(cluster.url(slot) + "/api/chat/" + session + "/messages"))
                    .timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/json")
                    .header("X-Message-Id", "step-" + step)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + text + "\"}"))
                    .build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                statuses.computeIfAbsent(response.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                if (response.statusCode() == 200) {
                    int replies = Document.parse(response.body()).getList("replies", Document.class).size();
                    outcomes.put(session + "/" + step, new Outcome(session, step, attempts, uncertain, true, replies,
                            System.nanoTime() - start));
                    acknowledged.incrementAndGet();
                    return true;
                }
                if (response.statusCode() == 504) {
                    uncertain++;
                }
            } catch (ConnectException down) {
                refused.incrementAndGet();
            } catch (IOException cut) {
                transportErrors.incrementAndGet();
                uncertain++;
            }
            Thread.sleep(200);
        }
        outcomes.put(session + "/" + step, new Outcome(session, step, attempts, uncertain, false, 0, 0));
        return false;
    }
}
