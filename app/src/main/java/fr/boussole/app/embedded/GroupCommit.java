package fr.boussole.app.embedded;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Group commit: each writer, once its write is done, waits until a commit made after that write has
 * completed. The first writer to get the lock commits for everyone who finished writing before it
 * started; those who were waiting behind it find their write covered and return without committing
 * again. A write is covered by a commit when it took its ticket before the commit read the counter.
 */
final class GroupCommit {

    private final Runnable commit;
    private final AtomicLong tickets = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();
    private long covered; // guarded by this

    GroupCommit(Runnable commit) {
        this.commit = commit;
    }

    /** Call after the write completed; returns once it is committed (or throws what the commit threw). */
    void awaitDurable() {
        long ticket = tickets.incrementAndGet();
        synchronized (this) {
            if (covered >= ticket) {
                return;
            }
            long upTo = tickets.get();
            commit.run();
            commits.incrementAndGet();
            covered = upTo;
        }
    }

    long count() {
        return commits.get();
    }
}
