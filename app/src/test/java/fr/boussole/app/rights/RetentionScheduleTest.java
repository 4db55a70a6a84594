package fr.boussole.app.rights;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The documented defaults (the welcome text's 30 days among them), and a wrong value named at start-up. */
class RetentionScheduleTest {

    @Test
    void defaults_are_the_documented_ones() {
        RetentionSchedule schedule = bind(Map.of());
        assertThat(schedule.conversations()).isEqualTo(Duration.ofDays(30));
        assertThat(schedule.inboundMessages()).isEqualTo(Duration.ofDays(30));
        assertThat(schedule.sentMessages()).isEqualTo(Duration.ofDays(30));
        assertThat(schedule.closedRequests()).isEqualTo(Period.ofMonths(12));
        assertThat(schedule.searches()).isEqualTo(Period.ofMonths(25));
        assertThat(schedule.checkEvery()).isEqualTo(Duration.ofHours(1));
        assertThat(schedule.inboundKeys()).isEqualTo(Duration.ofDays(90));
        assertThat(schedule.auditLog()).isEqualTo(Period.ofMonths(12));
        assertThat(schedule.contactChecks()).isEqualTo(Period.ofMonths(25));
        assertThat(schedule.reminderMarks()).isEqualTo(Period.ofMonths(3));
    }

    @Test
    void the_key_of_a_message_is_kept_at_least_as_long_as_the_message() {
        assertThatThrownBy(() -> bind(Map.of("boussole.retention.inbound-keys", "P7D")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("BOUSSOLE_RETENTION_INBOUND_KEYS")
                .hasMessageContaining("inbound-messages");
        assertThat(bind(Map.of("boussole.retention.inbound-keys", "P7D", "boussole.retention.inbound-messages", "P7D"))
                .inboundKeys()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void values_are_read_from_their_properties() {
        RetentionSchedule schedule = bind(Map.of("boussole.retention.conversations", "P7D",
                "boussole.retention.closed-requests", "P6M"));
        assertThat(schedule.conversations()).isEqualTo(Duration.ofDays(7));
        assertThat(schedule.closedRequests()).isEqualTo(Period.ofMonths(6));
    }

    @Test
    void a_zero_or_negative_value_names_the_property() {
        assertThatThrownBy(() -> bind(Map.of("boussole.retention.sent-messages", "PT0S")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("BOUSSOLE_RETENTION_SENT_MESSAGES");
        assertThatThrownBy(() -> bind(Map.of("boussole.retention.searches", "-P1M")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("BOUSSOLE_RETENTION_SEARCHES");
        assertThatThrownBy(() -> bind(Map.of("boussole.retention.reminder-marks", "P0D")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("BOUSSOLE_RETENTION_REMINDER_MARKS");
    }

    @Test
    void months_are_counted_on_the_calendar() {
        assertThat(RetentionSchedule.before(Instant.parse("2027-03-31T12:00:00Z"), Period.ofMonths(1)))
                .isEqualTo(Instant.parse("2027-02-28T12:00:00Z"));
    }

    private static RetentionSchedule bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("boussole.retention", RetentionSchedule.class);
    }
}
