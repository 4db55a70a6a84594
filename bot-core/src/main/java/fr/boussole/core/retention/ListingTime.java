package fr.boussole.core.retention;

import java.time.Duration;
import java.time.Instant;

/**
 * How retention lists are keyed by time, so that a job finds what is past a limit by a range on {@code _id}
 * over a small collection instead of a walk over the records: the start of the period a record was listed
 * in, written as a fixed-width text that sorts as the instant does.
 */
public final class ListingTime {

    private ListingTime() {}

    /** The start of the period of {@code length} (counted from the epoch, in UTC) that holds {@code at}. */
    public static Instant periodOf(Instant at, Duration length) {
        long millis = at.toEpochMilli();
        return Instant.ofEpochMilli(millis - Math.floorMod(millis, length.toMillis()));
    }

    /** 13 digits of milliseconds: sorts as the instant does, until the year 2286. */
    public static String stamp(Instant at) {
        return String.format("%013d", at.toEpochMilli());
    }
}
