package fr.boussole.pipeline.inbound;

import fr.boussole.core.message.Inbound;
import fr.boussole.core.message.Inbox;
import fr.boussole.core.message.StoreUnavailableException;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Optional;

/** The {@link Inbox} of every channel: records durably, de-duplicates, then wakes processing up. */
@Component
class MongoInbox implements Inbox {

    private final InboundMessages messages;
    private final ObjectProvider<InboxListener> listeners;
    private final Clock clock;
    private final MeterRegistry meters;

    MongoInbox(InboundMessages messages, ObjectProvider<InboxListener> listeners, Clock clock, MeterRegistry meters) {
        this.messages = messages;
        this.listeners = listeners;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public Acceptance accept(Inbound inbound) {
        Optional<InboundMessages.Recorded> recorded;
        try {
            recorded = messages.record(inbound, clock.instant());
        } catch (DataAccessException | com.mongodb.MongoException e) {
            throw new StoreUnavailableException("the inbox could not record a message", e);
        }
        String channel = inbound.conversation().channel().id();
        if (recorded.isEmpty()) {
            meters.counter("boussole.inbound.duplicates", "channel", channel).increment();
            return Acceptance.DUPLICATE;
        }
        meters.counter("boussole.inbound.accepted", "channel", channel).increment();
        listeners.forEach(listener -> listener.accepted(inbound.conversation(), recorded.get()));
        return Acceptance.ACCEPTED;
    }
}
