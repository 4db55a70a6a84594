package fr.boussole.testing;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The one bounded wait of the tests: polls until a condition holds or gives up with what was awaited.
 * Tests wait for an outcome this way instead of sleeping for a guessed time.
 */
public final class Await {

    private static final long POLL_MILLIS = 20;

    private Await() {}

    /** The first value of {@code condition} that is neither null nor {@code false}, within {@code limit}. */
    public static <T> T until(String what, Duration limit, Supplier<T> condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            T value = condition.get();
            if (value != null && !Boolean.FALSE.equals(value)) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
