package fr.boussole.pipeline;

import fr.boussole.core.settings.StoreSharing;
import fr.boussole.pipeline.outbox.MongoOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * At start-up, before the outbox's senders start: when the assembly says the store is this process's alone
 * ({@link StoreSharing#EXCLUSIVE}), the outbox claims it holds were taken by an earlier run of this process,
 * killed in the middle of a provider call (a claim is written, and waited for, before the call). They are
 * ended, so that the reply goes at once instead of after {@code boussole.pipeline.lease}: each by a claim of
 * its own that moves the entry's generation ({@link MongoOutbox#freeEveryClaim}), so that whatever the dead
 * sender would still record is fenced off and the entry is still sent at most once per claim. Conversation
 * leases need no such step: {@link fr.boussole.pipeline.conversation.Leases} takes one left by an earlier
 * run at once, on the same grounds. On a shared store, or when the assembly says nothing, nothing is
 * freed: a claim there may be a live process's, and runs out by itself.
 */
@Component
class OrphanedClaims implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OrphanedClaims.class);

    private final StoreSharing sharing;
    private final MongoOutbox outbox;
    private final Clock clock;
    private volatile boolean running;

    OrphanedClaims(ObjectProvider<StoreSharing> sharing, MongoOutbox outbox, Clock clock) {
        this.sharing = sharing.getIfAvailable(() -> StoreSharing.SHARED);
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void start() {
        running = true;
        if (sharing != StoreSharing.EXCLUSIVE) {
            return;
        }
        Instant now = clock.instant();
        try {
            int claims = outbox.freeEveryClaim(now);
            if (claims > 0) {
                log.info("The store is this process's alone: {} outbox claim(s) left by its previous run (killed during"
                        + " the provider call) ended, the replies go again now", claims);
            }
        } catch (RuntimeException e) {
            // nothing lost: a claim not ended runs out by itself (boussole.pipeline.lease)
            log.warn("ending the outbox claims of the previous run failed: {}", e.getClass().getName());
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 4000; // after the live-work migration, before the outbox worker
    }
}
