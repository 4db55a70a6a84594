package fr.boussole.console.deadletters;

import fr.boussole.core.delivery.DeadLetter;
import fr.boussole.core.delivery.DeadLetters;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console tests' stand-in for the outbox's dead letters (the app implements the port on the
 * outbox collection; its own IT covers that). Picked up by the console test application's scan, so
 * that every console test context has the port the page needs. Same contract: a retry succeeds once.
 */
@Component
public class InMemoryDeadLetters implements DeadLetters {

    private final Map<String, DeadLetter> dead = new ConcurrentHashMap<>();
    private final List<String> retried = new ArrayList<>();

    public void add(DeadLetter deadLetter) {
        dead.put(deadLetter.id(), deadLetter);
    }

    public synchronized List<String> retried() {
        return List.copyOf(retried);
    }

    public synchronized void clear() {
        dead.clear();
        retried.clear();
    }

    @Override
    public List<DeadLetter> list(int limit) {
        return dead.values().stream().sorted(Comparator.comparing(DeadLetter::deadAt).reversed()).limit(limit).toList();
    }

    @Override
    public long count() {
        return dead.size();
    }

    @Override
    public synchronized boolean retry(String id) {
        if (dead.remove(id) == null) {
            return false;
        }
        retried.add(id);
        return true;
    }
}
