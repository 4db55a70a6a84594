package fr.boussole.pipeline.replies;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * What every thread of the process is doing, for the log, when a web chat reply is long in coming. A young
 * person waiting seconds for an answer means the pipeline is held up somewhere (a commit of the store, a lock,
 * a pause), and by the time anyone looks, what held it is gone: issue 12's benchmark once saw every wait of a
 * fresh app run out at once, with nothing in its log. Threads with the same stack are shown once, with their
 * count, so that a pool of idle threads takes a few lines. Only stacks and lock names: nothing a young person
 * wrote is in them. Platform threads only, as the JVM's management interface lists them: the pipeline's workers,
 * senders and pollers, the store's connection and commit threads are; the web requests, on virtual threads,
 * only wait for them and are not.
 * <p>
 * At most one report per {@link #EVERY}: a stall seen by many waits at once, or lasting, gives one report.
 */
final class StallReport {

    static final Duration EVERY = Duration.ofMinutes(10);
    /** Frames shown of each stack: enough to reach the pipeline's code from a driver's or a lock's depths. */
    static final int DEPTH = 48;

    private final LongSupplier nanoTime;
    private final AtomicLong nextAllowed;

    StallReport(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.nextAllowed = new AtomicLong(nanoTime.getAsLong());
    }

    /** Whether a report may be made now; if so, none is for the next {@link #EVERY}. */
    boolean due() {
        long now = nanoTime.getAsLong();
        long next = nextAllowed.get();
        return now - next >= 0 && nextAllowed.compareAndSet(next, now + EVERY.toNanos());
    }

    /** The process's threads, grouped by identical stack: blocked ones first, then running, then waiting. */
    static String threads() {
        ThreadInfo[] infos = ManagementFactory.getThreadMXBean().dumpAllThreads(true, true, DEPTH);
        Map<String, List<ThreadInfo>> groups = new LinkedHashMap<>();
        for (ThreadInfo info : infos) {
            groups.computeIfAbsent(stack(info), s -> new ArrayList<>()).add(info);
        }
        StringBuilder out = new StringBuilder().append(infos.length).append(" threads");
        groups.entrySet().stream()
                .sorted(Comparator.comparingInt(
                                (Map.Entry<String, List<ThreadInfo>> g) -> rank(g.getValue().getFirst().getThreadState()))
                        .thenComparing(g -> -g.getValue().size()))
                .forEach(g -> {
                    List<String> names = g.getValue().stream().map(ThreadInfo::getThreadName).toList();
                    out.append("\n\n").append(names.size() == 1 ? "1 thread" : names.size() + " threads").append(": ")
                            .append(String.join(", ", names.subList(0, Math.min(names.size(), 8))))
                            .append(names.size() > 8 ? ", …" : "").append('\n').append(g.getKey());
                });
        return out.toString();
    }

    private static int rank(Thread.State state) {
        return switch (state) {
            case BLOCKED -> 0;
            case RUNNABLE -> 1;
            case WAITING, TIMED_WAITING -> 2;
            default -> 3;
        };
    }

    /** As a stack trace prints it, without the class loader's and module's names. */
    private static String frame(StackTraceElement frame) {
        String where = frame.isNativeMethod() ? "Native Method"
                : frame.getFileName() == null ? "Unknown Source"
                : frame.getLineNumber() >= 0 ? frame.getFileName() + ":" + frame.getLineNumber() : frame.getFileName();
        return frame.getClassName() + "." + frame.getMethodName() + "(" + where + ")";
    }

    /** A thread's state, what it waits on and for whom, its frames and the locks it holds where it took them. */
    private static String stack(ThreadInfo info) {
        StringBuilder out = new StringBuilder().append(info.getThreadState());
        LockInfo waitingOn = info.getLockInfo();
        if (waitingOn != null) {
            out.append(" on ").append(waitingOn);
            if (info.getLockOwnerName() != null) {
                out.append(" held by \"").append(info.getLockOwnerName()).append('"');
            }
        }
        StackTraceElement[] frames = info.getStackTrace();
        MonitorInfo[] monitors = info.getLockedMonitors();
        for (int i = 0; i < frames.length; i++) {
            out.append("\n\tat ").append(frame(frames[i]));
            for (MonitorInfo monitor : monitors) {
                if (monitor.getLockedStackDepth() == i) {
                    out.append("\n\t- holds ").append(monitor);
                }
            }
        }
        if (frames.length == DEPTH) {
            out.append("\n\t…");
        }
        for (LockInfo synchronizer : info.getLockedSynchronizers()) {
            out.append("\n\t- holds ").append(synchronizer);
        }
        return out.toString();
    }
}
