package fr.boussole.app.conversation;

import fr.boussole.app.inbound.InboundMessages;
import fr.boussole.app.outbox.MongoOutbox;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps the promise of the welcome text: a conversation's answers, the texts received and the
 * replies sent are kept {@code boussole.retention.conversations} (30 days) after the last message,
 * then forgotten. What stays is what de-duplication and opt-out need: provider message ids, ranks
 * and the opt-out flag. Safe on several instances: each step is idempotent and the state reset is
 * conditioned on the version read.
 */
@Component
class ConversationRetention {

    private static final Logger log = LoggerFactory.getLogger(ConversationRetention.class);

    private final Conversations conversations;
    private final InboundMessages inbound;
    private final MongoOutbox outbox;
    private final Duration keep;
    private final Clock clock;
    private final MeterRegistry meters;

    ConversationRetention(Conversations conversations, InboundMessages inbound, MongoOutbox outbox,
                          @Value("${boussole.retention.conversations:P30D}") Duration keep, Clock clock,
                          MeterRegistry meters) {
        this.conversations = conversations;
        this.inbound = inbound;
        this.outbox = outbox;
        this.keep = keep;
        this.clock = clock;
        this.meters = meters;
    }

    @Scheduled(initialDelayString = "${boussole.retention.first-check:PT2M}",
            fixedDelayString = "${boussole.retention.check-every:PT1H}")
    void scheduled() {
        int forgotten = forgetIdle(clock.instant());
        if (forgotten > 0) {
            log.info("Retention: {} idle conversation(s) forgotten", forgotten);
        }
    }

    /** Forgets every conversation idle at {@code now} for longer than the retention period; returns how many. */
    int forgetIdle(Instant now) {
        int forgotten = 0;
        for (StoredConversation idle : conversations.idleSince(now.minus(keep))) {
            if (conversations.forget(idle, now)) {
                inbound.eraseContent(idle.key());
                outbox.eraseChatPayloads(idle.key(), (idle.lastSequence() + 1) * TurnEffects.SLOTS_PER_MESSAGE);
                forgotten++;
            }
        }
        meters.counter("boussole.retention.conversations_forgotten").increment(forgotten);
        return forgotten;
    }
}
