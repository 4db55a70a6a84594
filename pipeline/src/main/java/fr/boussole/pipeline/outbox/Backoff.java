package fr.boussole.pipeline.outbox;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Growing delays between attempts: first, 2x, 4x... capped, with up to 20% jitter so that
 * deliveries failing together do not all come back at the same instant.
 */
public record Backoff(Duration first, Duration max) {

    public Duration after(int attempt) {
        long base = first.toMillis() << Math.min(Math.max(attempt - 1, 0), 20);
        long capped = Math.min(base, max.toMillis());
        long jitter = (long) (capped * 0.2 * ThreadLocalRandom.current().nextDouble());
        return Duration.ofMillis(capped - jitter);
    }

    /** The provider's own "not before" wins when it is later. */
    public Duration after(int attempt, Duration notBefore) {
        Duration ours = after(attempt);
        return notBefore != null && notBefore.compareTo(ours) > 0 ? notBefore : ours;
    }
}
