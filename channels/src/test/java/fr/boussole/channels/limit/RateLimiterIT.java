package fr.boussole.channels.limit;

import static org.assertj.core.api.Assertions.assertThat;

import fr.boussole.channels.support.ChannelsIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class RateLimiterIT extends ChannelsIntegrationTest {

    @Autowired
    RateLimiter limiter;

    @Test
    void sends_over_the_limit_wait_for_the_next_window() {
        clock.set(Instant.parse("2026-11-23T10:00:00.250Z"));
        assertThat(limiter.acquire("telegram:chat:1", 2, Duration.ofSeconds(1))).isEmpty();
        assertThat(limiter.acquire("telegram:chat:1", 2, Duration.ofSeconds(1))).isEmpty();
        assertThat(limiter.acquire("telegram:chat:1", 2, Duration.ofSeconds(1))).contains(Duration.ofMillis(750));
        assertThat(limiter.acquire("telegram:chat:2", 2, Duration.ofSeconds(1))).as("another key").isEmpty();

        clock.advance(Duration.ofMillis(750));
        assertThat(limiter.acquire("telegram:chat:1", 2, Duration.ofSeconds(1))).isEmpty();
    }

    @Test
    void concurrent_senders_share_one_count() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Optional<Duration>>> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                calls.add(() -> limiter.acquire("telegram:bot", 30, Duration.ofSeconds(1)));
            }
            long allowed = 0;
            for (Future<Optional<Duration>> f : pool.invokeAll(calls)) {
                allowed += f.get().isEmpty() ? 1 : 0;
            }
            assertThat(allowed).isEqualTo(30);
        } finally {
            pool.shutdown();
        }
    }
}
