package fr.boussole.pipeline.replies;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report a long web chat wait logs: who is blocked on what and who holds it, whole stacks (a JDK thread dump
 * line stops at 8 frames, short of the pipeline's code under a driver's), identical threads once, and one report per
 * ten minutes however many waits see the stall.
 */
class StallReportTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private final List<Thread> started = new ArrayList<>();

    @AfterEach
    void stopThreads() throws InterruptedException {
        release.countDown();
        for (Thread thread : started) {
            thread.join(5_000);
        }
    }

    @Test
    void a_blocked_thread_is_shown_first_with_the_lock_it_waits_for_and_the_thread_holding_it() throws Exception {
        Object lock = new Object();
        CountDownLatch held = new CountDownLatch(1);
        start("stall-holder", () -> {
            synchronized (lock) {
                held.countDown();
                awaitRelease();
            }
        });
        held.await();
        Thread blocked = start("stall-blocked", () -> {
            synchronized (lock) {
                lock.hashCode();
            }
        });
        awaitState(blocked, Thread.State.BLOCKED);

        String report = StallReport.threads();

        String blockedGroup = group(report, "stall-blocked");
        assertThat(blockedGroup).startsWith("1 thread: stall-blocked\nBLOCKED on java.lang.Object@")
                .contains("held by \"stall-holder\"");
        assertThat(report.indexOf("thread: stall-blocked")).as("blocked threads come first")
                .isLessThan(report.indexOf("thread: stall-holder"));
        assertThat(group(report, "stall-holder")).contains("- holds java.lang.Object@")
                .contains("at " + StallReportTest.class.getName());
    }

    @Test
    void a_deep_stack_is_shown_well_beyond_eight_frames() throws Exception {
        Thread deep = start("stall-deep", () -> down(30));
        awaitState(deep, Thread.State.WAITING);

        String group = group(StallReport.threads(), "stall-deep");

        assertThat(group.split("\tat " + StallReportTest.class.getName() + ".down\\(", -1)).hasSizeGreaterThan(30);
    }

    @Test
    void threads_with_the_same_stack_are_shown_once_with_their_count() throws Exception {
        for (int i = 0; i < 5; i++) {
            awaitState(start("stall-idle-" + i, this::awaitRelease), Thread.State.WAITING);
        }

        String report = StallReport.threads();

        assertThat(report).containsPattern("5 threads: (stall-idle-\\d, ){4}stall-idle-\\d\nWAITING");
    }

    @Test
    void at_most_one_report_in_ten_minutes() {
        AtomicLong now = new AtomicLong(123_456_789L);
        StallReport reports = new StallReport(now::get);

        assertThat(reports.due()).as("the first stall").isTrue();
        assertThat(reports.due()).as("another wait on the same stall").isFalse();
        now.addAndGet(Duration.ofMinutes(10).minusMillis(1).toNanos());
        assertThat(reports.due()).isFalse();
        now.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(reports.due()).as("ten minutes later").isTrue();
        assertThat(reports.due()).isFalse();
    }

    private void down(int depth) {
        if (depth == 0) {
            awaitRelease();
        } else {
            down(depth - 1);
        }
    }

    private void awaitRelease() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Thread start(String name, Runnable body) {
        Thread thread = Thread.ofPlatform().name(name).daemon().start(body);
        started.add(thread);
        return thread;
    }

    private static void awaitState(Thread thread, Thread.State state) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (thread.getState() != state) {
            assertThat(System.nanoTime()).as(thread.getName() + " " + state).isLessThan(until);
            Thread.sleep(5);
        }
    }

    /** The report's paragraph naming that thread. */
    private static String group(String report, String thread) {
        for (String paragraph : report.split("\n\n")) {
            if (paragraph.lines().findFirst().orElseThrow().contains(thread)) {
                return paragraph;
            }
        }
        throw new AssertionError(thread + " not in the report:\n" + report);
    }
}
