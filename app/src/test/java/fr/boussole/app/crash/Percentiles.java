package fr.boussole.app.crash;

import java.util.List;

/** Nearest-rank percentiles of sorted durations in nanoseconds, given in milliseconds. */
public final class Percentiles {

    private Percentiles() {}

    public static double millis(List<Long> sortedNanos, double p) {
        if (sortedNanos.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sortedNanos.size()) - 1;
        return sortedNanos.get(Math.max(0, Math.min(index, sortedNanos.size() - 1))) / 1e6;
    }
}
