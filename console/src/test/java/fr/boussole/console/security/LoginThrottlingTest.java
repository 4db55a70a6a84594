package fr.boussole.console.security;

import fr.boussole.console.support.ConsoleIntegrationTest;
import fr.boussole.console.support.Fixtures;
import fr.boussole.console.support.PasswordChecks;
import fr.boussole.core.ids.Ids;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Login throttling per client address, and what a guesser sees, on the test's hand-moved clock.
 * (Per-email lockout and its end: {@code SignInTest}.) Each test signs in from its own address, so that
 * counts do not leak between tests sharing the database.
 */
class LoginThrottlingTest extends ConsoleIntegrationTest {

    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);

    @Autowired
    AddressLimits limits;
    @Autowired
    Attempts throttles;
    @Autowired
    PasswordChecks passwordChecks;
    @Autowired
    fr.boussole.console.settings.ConsoleSettings settings;
    @Autowired
    Housekeeping housekeeping;

    /** Fails if one address may try emails without end, or if its block does not end after the lock duration. */
    @Test
    void an_address_that_failed_too_often_is_refused_even_the_right_password_until_the_window_ends() throws Exception {
        var world = fixtures.world();
        String address = freshAddress();
        int limit = limits.maxLoginFailuresPerAddress();
        for (int i = 0; i < limit; i++) {
            // Each email fails once only: the address alone reaches its limit.
            signIn(unknownEmail(), "devine-" + i, address)
                    .andExpect(redirectedUrl(i < limit - 1 ? "/console/login?error" : "/console/login?locked"));
        }

        signIn(world.a().professional().email(), Fixtures.PASSWORD, address)
                .andExpect(redirectedUrl("/console/login?locked"));
        signIn(world.a().professional().email(), Fixtures.PASSWORD, freshAddress())
                .andExpect(redirectedUrl("/console"));

        clock.advance(Duration.ofMinutes(16));

        signIn(world.a().professional().email(), Fixtures.PASSWORD, address).andExpect(redirectedUrl("/console"));
    }

    /** Fails if a guesser holding one real account can clear their address's count by signing in with it. */
    @Test
    void a_successful_sign_in_does_not_clear_the_count_of_the_address() throws Exception {
        var world = fixtures.world();
        String address = freshAddress();
        for (int i = 0; i < limits.maxLoginFailuresPerAddress() - 1; i++) {
            signIn(unknownEmail(), "devine-" + i, address);
        }
        signIn(world.b().professional().email(), Fixtures.PASSWORD, address).andExpect(redirectedUrl("/console"));

        signIn(unknownEmail(), "encore", address).andExpect(redirectedUrl("/console/login?locked"));
        signIn(world.b().professional().email(), Fixtures.PASSWORD, address)
                .andExpect(redirectedUrl("/console/login?locked"));
    }

    /**
     * Fails if the answers tell a guesser whether an email has an account, or whether it was the password or
     * the lock that stopped them: known and unknown emails get the same answers at every step.
     */
    @Test
    void a_guesser_sees_the_same_answers_for_a_known_and_an_unknown_email() throws Exception {
        var world = fixtures.world();
        String known = world.a().professional().email();
        String unknown = unknownEmail();
        for (int i = 0; i < 4; i++) {
            assertThat(answer(known, "faux-" + i)).isEqualTo(answer(unknown, "faux-" + i)).isEqualTo("/console/login?error");
        }
        assertThat(answer(known, "faux")).isEqualTo(answer(unknown, "faux")).isEqualTo("/console/login?locked");
        // Locked: the right password gets the same answer as a wrong one.
        assertThat(answer(known, Fixtures.PASSWORD)).isEqualTo(answer(known, "faux")).isEqualTo("/console/login?locked");
    }

    /**
     * Fails if simultaneous guesses get more password checks than the per-email limit (the lock was read
     * before the check and the failure counted after it: 40 guesses at once from 40 addresses got 8 checks
     * against a limit of 5), or if the right password is accepted once the limit is spent.
     */
    @Test
    void simultaneous_guesses_from_many_addresses_get_no_more_password_checks_than_the_limit() throws Exception {
        var world = fixtures.world();
        String email = world.a().professional().email();
        int guesses = 40;
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < guesses; i++) {
            addresses.add(freshAddress());
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(guesses);
        int checksBefore = passwordChecks.count();
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < guesses; i++) {
                String address = addresses.get(i);
                String guess = "devine-" + i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return signIn(email, guess, address).andReturn().getResponse().getRedirectedUrl();
                }));
            }
            start.countDown();
            for (Future<String> answer : answers) {
                assertThat(answer.get(60, TimeUnit.SECONDS)).isIn("/console/login?error", "/console/login?locked");
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(passwordChecks.count() - checksBefore).isLessThanOrEqualTo(settings.maxLoginFailures());
        int checksAfterRace = passwordChecks.count();
        signIn(email, Fixtures.PASSWORD, freshAddress()).andExpect(redirectedUrl("/console/login?locked"));
        assertThat(passwordChecks.count()).as("no password check once locked").isEqualTo(checksAfterRace);
    }

    /** Fails if an email written like an address key could block that address for everyone behind it. */
    @Test
    void an_email_shaped_like_an_address_counts_as_an_email() throws Exception {
        var world = fixtures.world();
        String victim = freshAddress();
        for (int i = 0; i < limits.maxLoginFailuresPerAddress(); i++) {
            signIn("address:" + victim, "faux", freshAddress());
        }
        signIn(world.a().professional().email(), Fixtures.PASSWORD, victim).andExpect(redirectedUrl("/console"));
    }

    /** Fails if failure counts (an email or an address each: personal data) are kept after the purge cutoff. */
    @Test
    void failure_counts_without_a_lock_are_purged_with_the_old_lockouts() throws Exception {
        String address = freshAddress();
        String email = unknownEmail();
        signIn(email, "faux", address);
        assertThat(throttles.findById(Lockout.addressKey(address))).isPresent();
        assertThat(throttles.findById(Lockout.emailKey(email))).isPresent();

        clock.advance(Duration.ofDays(31));
        housekeeping.purge();

        assertThat(throttles.findById(Lockout.addressKey(address))).isEmpty();
        assertThat(throttles.findById(Lockout.emailKey(email))).isEmpty();
    }

    private String answer(String email, String password) throws Exception {
        return signIn(email, password, freshAddress()).andReturn().getResponse().getRedirectedUrl();
    }

    private ResultActions signIn(String email, String password, String address) throws Exception {
        return mvc.perform(post("/console/login").with(csrf()).with(from(address))
                .param("email", email).param("password", password));
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static String freshAddress() {
        int n = NEXT_ADDRESS.getAndIncrement();
        return "10.77." + (n / 250) + "." + (n % 250 + 1);
    }

    private static String unknownEmail() {
        return Ids.random("x") + "@inconnu.test";
    }
}
