package fr.boussole.pipeline.outbox;

import fr.boussole.core.message.Channel;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The sender threads of one channel, a fixed number of them. The dispatcher reserves a sender before
 * it claims an entry and hands the claimed entry straight to it: no claimed entry waits in a queue, and
 * a channel whose provider is slow or silent keeps only its own senders busy.
 */
final class Senders {

    private final ExecutorService threads;
    private final Semaphore free;

    Senders(Channel channel, int size) {
        int n = Math.max(1, size);
        this.threads = Executors.newFixedThreadPool(n, Thread.ofPlatform().name("outbox-" + channel.id() + "-", 0).factory());
        this.free = new Semaphore(n);
    }

    /** Takes a free sender, if any, for the entry about to be claimed. */
    boolean reserve() {
        return free.tryAcquire();
    }

    /** Gives back a sender reserved for an entry that was not claimed after all, or whose send is over. */
    void release() {
        free.release();
    }

    int free() {
        return free.availablePermits();
    }

    /** Runs a send on the sender reserved for it (there is always a thread waiting for it). */
    void run(Runnable send) {
        threads.execute(send);
    }

    void shutdown() {
        threads.shutdown();
    }

    void awaitTermination(Duration timeout) {
        try {
            threads.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
