package fr.boussole.core.handover;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * When a territory's desk answers, week after week, in its time zone. Written and stored as text, for
 * instance {@code lun-ven 09:00-12:30 13:30-17:00; sam 10:00-12:00}: groups separated by {@code ;},
 * each a day or a range of days (lun mar mer jeu ven sam dim) or a list of them ({@code lun,mer}), then
 * one or more slots {@code HH:MM-HH:MM}.
 */
public record OfficeHours(ZoneId zone, Map<DayOfWeek, List<Slot>> week) {

    private static final List<String> DAYS = List.of("lun", "mar", "mer", "jeu", "ven", "sam", "dim");

    /** Monday to Friday, 9:00 to 17:00, Paris time: what a desk answers when nothing else is said. */
    public static final OfficeHours DEFAULT = parse("lun-ven 09:00-17:00", ZoneId.of("Europe/Paris"));

    /** One opening within a day. */
    public record Slot(LocalTime from, LocalTime to) {
        public Slot {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("a slot must end after it starts: " + from + "-" + to);
            }
        }
    }

    public OfficeHours {
        Objects.requireNonNull(zone, "zone");
        Map<DayOfWeek, List<Slot>> copy = new EnumMap<>(DayOfWeek.class);
        week.forEach((day, slots) -> copy.put(day, slots.stream()
                .sorted(java.util.Comparator.comparing(Slot::from)).toList()));
        week = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * @throws IllegalArgumentException with what is wrong, for the form that set them
     */
    public static OfficeHours parse(String text, ZoneId zone) {
        Map<DayOfWeek, List<Slot>> week = new EnumMap<>(DayOfWeek.class);
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("office hours are empty");
        }
        for (String group : text.toLowerCase(Locale.ROOT).split(";")) {
            String[] words = group.strip().split("\\s+");
            if (words.length < 2) {
                throw new IllegalArgumentException("days then hours expected in « " + group.strip() + " »");
            }
            List<Slot> slots = new ArrayList<>();
            for (int i = 1; i < words.length; i++) {
                slots.add(slot(words[i]));
            }
            for (DayOfWeek day : days(words[0])) {
                week.computeIfAbsent(day, d -> new ArrayList<>()).addAll(slots);
            }
        }
        return new OfficeHours(zone, week);
    }

    private static List<DayOfWeek> days(String spec) {
        List<DayOfWeek> days = new ArrayList<>();
        for (String part : spec.split(",")) {
            String[] range = part.split("-");
            int from = day(range[0]);
            int to = range.length == 2 ? day(range[1]) : from;
            if (range.length > 2 || to < from) {
                throw new IllegalArgumentException("unknown days « " + part + " »");
            }
            for (int d = from; d <= to; d++) {
                days.add(DayOfWeek.of(d + 1));
            }
        }
        return days;
    }

    private static int day(String name) {
        int index = DAYS.indexOf(name.strip());
        if (index < 0) {
            throw new IllegalArgumentException("unknown day « " + name + " » (lun mar mer jeu ven sam dim)");
        }
        return index;
    }

    private static Slot slot(String spec) {
        String[] ends = spec.split("-");
        if (ends.length != 2) {
            throw new IllegalArgumentException("hours expected as 09:00-17:00, not « " + spec + " »");
        }
        try {
            return new Slot(LocalTime.parse(pad(ends[0])), LocalTime.parse(pad(ends[1])));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("hours expected as 09:00-17:00, not « " + spec + " »");
        }
    }

    private static String pad(String time) {
        return time.length() == 4 ? "0" + time : time;
    }

    /** The text form, as {@link #parse} reads it. */
    public String text() {
        List<String> groups = new ArrayList<>();
        week.forEach((day, slots) -> groups.add(DAYS.get(day.getValue() - 1) + " "
                + String.join(" ", slots.stream().map(s -> s.from() + "-" + s.to()).toList())));
        return String.join("; ", groups);
    }

    public boolean openAt(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        LocalTime time = local.toLocalTime();
        return week.getOrDefault(local.getDayOfWeek(), List.of()).stream()
                .anyMatch(slot -> !time.isBefore(slot.from()) && time.isBefore(slot.to()));
    }

    /** When the desk next opens after {@code instant} (itself if open), within two weeks; empty if never. */
    public Optional<ZonedDateTime> nextOpening(Instant instant) {
        if (openAt(instant)) {
            return Optional.of(instant.atZone(zone));
        }
        ZonedDateTime local = instant.atZone(zone);
        for (int d = 0; d <= 14; d++) {
            ZonedDateTime day = local.plusDays(d);
            for (Slot slot : week.getOrDefault(day.getDayOfWeek(), List.of())) {
                ZonedDateTime start = day.with(slot.from()).withSecond(0).withNano(0);
                if (start.isAfter(local)) {
                    return Optional.of(start);
                }
            }
        }
        return Optional.empty();
    }
}
