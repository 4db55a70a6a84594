package fr.boussole.app.embedded;

import fr.boussole.core.settings.InvalidSettingException;
import org.springframework.core.env.PropertyResolver;

import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * How the embedded store keeps its file.
 *
 * @param fsync           {@code BOUSSOLE_STORE_FSYNC}: each commit forced to the disk as well. Every write is
 *                        committed to the file before it is answered either way, which a killed process cannot
 *                        undo; forcing it to the disk guards against a power cut, at several milliseconds a write.
 * @param compactFillRate {@code BOUSSOLE_STORE_COMPACT_FILL_RATE}: the share of the file (percent) that must hold
 *                        live data; below it, MVStore's background thread rewrites and moves chunks to win the
 *                        space back. The file is copy-on-write: each commit writes the pages it changed anew, and
 *                        the old ones leave dead space behind. MVStore's own default, 90, kept the file within
 *                        a tenth of its data at the price of rewriting chunks all the time: on 1,000,000 stored
 *                        messages that was 7 % of the CPU under load and bursts of seconds when idle
 *                        (BENCHMARKS.md). At 50 the file may grow to twice its data, and chunks are rewritten
 *                        only when the store is idle. 0 turns the background compaction off.
 */
public record StoreFileSettings(boolean fsync, int compactFillRate) {

    public static final String FSYNC = "BOUSSOLE_STORE_FSYNC";
    public static final String COMPACT_FILL_RATE = "BOUSSOLE_STORE_COMPACT_FILL_RATE";
    static final int DEFAULT_COMPACT_FILL_RATE = 50;
    /** Unset: not forced to the disk, compacted below half the file. */
    public static final StoreFileSettings DEFAULT = new StoreFileSettings(false, DEFAULT_COMPACT_FILL_RATE);

    /** The app's properties for them, in its configuration tree (application.yml maps the variables). */
    static final String FSYNC_PROPERTY = "boussole.embedded-database.fsync";
    static final String COMPACT_FILL_RATE_PROPERTY = "boussole.embedded-database.compact-fill-rate";

    public StoreFileSettings {
        if (compactFillRate < 0 || compactFillRate > 100) {
            throw new InvalidSettingException(COMPACT_FILL_RATE, "'" + compactFillRate + "' is not a percentage (0-100)");
        }
    }

    /** The app's embedded store: both settings from the configuration tree. */
    static StoreFileSettings of(PropertyResolver settings) {
        return from(variable -> settings.getProperty(variable.equals(FSYNC) ? FSYNC_PROPERTY : COMPACT_FILL_RATE_PROPERTY));
    }

    /**
     * Reads both settings through {@code setting} (variable name to value, null when unset): the store as its
     * own process ({@link StoreServer}) reads its options and the environment so.
     */
    public static StoreFileSettings from(UnaryOperator<String> setting) {
        return new StoreFileSettings(fsync(setting.apply(FSYNC)), compactFillRate(setting.apply(COMPACT_FILL_RATE)));
    }

    private static boolean fsync(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidSettingException(FSYNC, "'" + value + "' is neither true nor false");
        };
    }

    private static int compactFillRate(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_COMPACT_FILL_RATE;
        }
        String percent = value.strip();
        if (percent.endsWith("%")) {
            percent = percent.substring(0, percent.length() - 1).strip();
        }
        int rate;
        try {
            rate = Integer.parseInt(percent);
        } catch (NumberFormatException e) {
            rate = -1;
        }
        if (rate < 0 || rate > 100) {
            throw new InvalidSettingException(COMPACT_FILL_RATE, "'" + value + "' is not a percentage (0-100)");
        }
        return rate;
    }
}
