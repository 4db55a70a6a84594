package fr.boussole.pipeline.outbox;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    final Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(15));

    @RepeatedTest(20)
    void delays_double_with_at_most_a_fifth_of_jitter_and_stop_growing_at_the_cap() {
        assertThat(backoff.after(1)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(5));
        assertThat(backoff.after(2)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10));
        assertThat(backoff.after(4)).isBetween(Duration.ofSeconds(32), Duration.ofSeconds(40));
        assertThat(backoff.after(30)).isBetween(Duration.ofMinutes(12), Duration.ofMinutes(15));
    }

    @Test
    void the_providers_later_not_before_wins() {
        assertThat(backoff.after(1, Duration.ofMinutes(2))).isEqualTo(Duration.ofMinutes(2));
        assertThat(backoff.after(1, Duration.ofMillis(1))).isLessThanOrEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.after(1, null)).isLessThanOrEqualTo(Duration.ofSeconds(5));
    }
}
