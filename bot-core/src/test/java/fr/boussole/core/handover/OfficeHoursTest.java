package fr.boussole.core.handover;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OfficeHoursTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final OfficeHours HOURS = OfficeHours.parse("lun-ven 09:00-12:30 13:30-17:00; sam 10:00-12:00", PARIS);

    private static Instant paris(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), PARIS).toInstant();
    }

    @Test
    void open_within_a_slot_and_closed_at_lunch_at_night_and_on_sunday() {
        assertThat(HOURS.openAt(paris("2026-11-23T09:00"))).isTrue(); // a Monday
        assertThat(HOURS.openAt(paris("2026-11-23T12:45"))).isFalse();
        assertThat(HOURS.openAt(paris("2026-11-23T16:59"))).isTrue();
        assertThat(HOURS.openAt(paris("2026-11-23T17:00"))).isFalse();
        assertThat(HOURS.openAt(paris("2026-11-28T11:00"))).isTrue(); // Saturday
        assertThat(HOURS.openAt(paris("2026-11-29T11:00"))).isFalse(); // Sunday
    }

    @Test
    void the_next_opening_is_now_when_open_else_the_next_slot_over_days_and_a_change_of_time() {
        assertThat(HOURS.nextOpening(paris("2026-11-23T10:00"))).hasValue(paris("2026-11-23T10:00").atZone(PARIS));
        assertThat(HOURS.nextOpening(paris("2026-11-23T12:45"))).hasValueSatisfying(
                at -> assertThat(at.toLocalDateTime()).hasToString("2026-11-23T13:30"));
        assertThat(HOURS.nextOpening(paris("2026-11-28T15:00"))).hasValueSatisfying(
                at -> assertThat(at.toLocalDateTime()).hasToString("2026-11-30T09:00"));
        // the last weekend of March: Paris changes to summer time between Saturday and Monday
        assertThat(HOURS.nextOpening(paris("2026-03-28T18:00"))).hasValueSatisfying(
                at -> assertThat(at.toLocalDateTime()).hasToString("2026-03-30T09:00"));
    }

    @Test
    void the_text_form_reads_back_the_same() {
        assertThat(OfficeHours.parse(HOURS.text(), PARIS)).isEqualTo(HOURS);
        assertThat(OfficeHours.parse("lun,mer 9:00-12:00", PARIS).text()).isEqualTo("lun 09:00-12:00; mer 09:00-12:00");
    }

    @Test
    void a_wrong_text_says_what_is_wrong() {
        assertThatThrownBy(() -> OfficeHours.parse("lundi 09:00-17:00", PARIS)).hasMessageContaining("lundi");
        assertThatThrownBy(() -> OfficeHours.parse("lun-ven 17:00-09:00", PARIS)).hasMessageContaining("end after");
        assertThatThrownBy(() -> OfficeHours.parse("lun-ven 9h-17h", PARIS)).hasMessageContaining("09:00-17:00");
        assertThatThrownBy(() -> OfficeHours.parse("", PARIS)).hasMessageContaining("empty");
        assertThatThrownBy(() -> OfficeHours.parse("lun-ven", PARIS)).hasMessageContaining("days then hours");
    }

    @Test
    void closed_every_day_never_opens() {
        OfficeHours never = new OfficeHours(PARIS, java.util.Map.of());
        assertThat(never.nextOpening(paris("2026-11-23T10:00"))).isEmpty();
    }
}
