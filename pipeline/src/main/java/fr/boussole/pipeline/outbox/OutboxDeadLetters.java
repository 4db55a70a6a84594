package fr.boussole.pipeline.outbox;

import fr.boussole.core.delivery.DeadLetter;
import fr.boussole.core.delivery.DeadLetters;
import fr.boussole.core.delivery.RecipientMask;
import fr.boussole.core.message.Channel;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/**
 * The outbox's dead letters for the console: entries in status DEAD, shown without their payload and
 * with the recipient masked; a retry puts one back in line (see {@link MongoOutbox#revive}).
 */
@Component
class OutboxDeadLetters implements DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(OutboxDeadLetters.class);

    private final MongoOutbox outbox;
    private final Clock clock;
    private final MeterRegistry meters;

    OutboxDeadLetters(MongoOutbox outbox, Clock clock, MeterRegistry meters) {
        this.outbox = outbox;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public List<DeadLetter> list(int limit) {
        return outbox.dead(Math.max(1, limit)).stream().map(this::deadLetter).toList();
    }

    @Override
    public long count() {
        return outbox.count(OutboxStatus.DEAD);
    }

    @Override
    public boolean retry(String id) {
        Document revived = outbox.revive(id, clock.instant());
        if (revived == null) {
            return false;
        }
        String channel = revived.getString("channel");
        meters.counter("boussole.outbox.dead_letter_retries", "channel", channel).increment();
        log.info("outbox entry {} taken out of the dead letters on {}", id, channel);
        return true;
    }

    private DeadLetter deadLetter(Document entry) {
        Channel channel = Channel.valueOf(entry.getString("channel").toUpperCase(Locale.ROOT));
        return new DeadLetter(entry.getString("_id"), channel, DeadLetter.kindOf(channel),
                instant(entry.getDate("createdAt")), instant(entry.getDate("finishedAt")),
                ((Number) entry.get("attempts")).intValue(),
                RecipientMask.scrub(entry.getString("lastError")), // providers quote the recipient in some errors
                RecipientMask.of(recipient(entry)));
    }

    /** The one place the recipient is opened for display: masked at once, never handed on in clear. */
    private String recipient(Document entry) {
        return outbox.recipient(entry);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
