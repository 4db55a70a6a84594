package fr.boussole.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The one clock of the tests: set and moved by hand, shared by every view taken with
 * {@link #withZone} (so code that formats in Paris time sees the same instant). Starts on
 * {@link #START} unless told otherwise.
 */
public class TestClock extends Clock {

    public static final Instant START = Instant.parse("2026-11-23T10:00:00Z");

    private final TestClock source;
    private final ZoneId zone;
    private volatile Instant now;

    public TestClock() {
        this(START);
    }

    public TestClock(Instant start) {
        this.source = this;
        this.zone = ZoneOffset.UTC;
        this.now = start;
    }

    private TestClock(TestClock source, ZoneId zone) {
        this.source = source;
        this.zone = zone;
    }

    public void set(Instant instant) {
        source.now = instant;
    }

    public void advance(Duration duration) {
        source.now = source.now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new TestClock(source, zone);
    }

    @Override
    public Instant instant() {
        return source.now;
    }
}
