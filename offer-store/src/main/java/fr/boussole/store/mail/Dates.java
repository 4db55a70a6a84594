package fr.boussole.store.mail;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as French readers expect them, in metropolitan French time. */
public final class Dates {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRANCE);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH'h'mm", Locale.FRANCE);

    private Dates() {}

    public static String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant.atZone(PARIS));
    }

    public static String dayTime(Instant instant) {
        return instant == null ? "" : DAY_TIME.format(instant.atZone(PARIS));
    }
}
