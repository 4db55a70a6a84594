package fr.boussole.pipeline.rights;

import fr.boussole.pipeline.conversation.Conversations;
import fr.boussole.pipeline.conversation.StoredConversation;
import fr.boussole.pipeline.inbound.InboundMessage;
import fr.boussole.pipeline.inbound.InboundMessages;
import fr.boussole.pipeline.outbox.MongoOutbox;
import fr.boussole.core.journey.JourneyStateCodec;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.rights.Footprint;
import fr.boussole.core.rights.HeldRecord;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * A person's conversations, the messages they sent and the messages sent to them, in clear, for an
 * access request. Read through the stores that seal them, which open what they return.
 */
@Component
class ConversationExport {

    private final Conversations conversations;
    private final InboundMessages inbound;
    private final MongoOutbox outbox;
    private final ConversationRecords stored;

    ConversationExport(Conversations conversations, InboundMessages inbound, MongoOutbox outbox, ConversationRecords records) {
        this.conversations = conversations;
        this.stored = records;
        this.inbound = inbound;
        this.outbox = outbox;
    }

    List<HeldRecord> export(Footprint footprint) {
        List<HeldRecord> records = new ArrayList<>();
        for (ConversationKey key : footprint.conversations()) {
            StoredConversation conversation = conversations.load(key);
            if (conversation.version() > 0) {
                records.add(conversation(key, conversation));
            }
            // found rank by rank and by derived ids (ConversationRecords), never by a walk of the history
            List<Document> messages = stored.ranks(key, 1, ConversationRecords.counted(stored.counter(key))).messages()
                    .stream().filter(m -> !"GAP".equals(m.getString("status"))).toList();
            for (Document found : messages) {
                InboundMessage message = inbound.byId(found.getString("_id")).orElse(null);
                if (message == null) {
                    continue; // pruned meanwhile
                }
                records.add(HeldRecord.of(ConversationData.INBOUND_MESSAGE).conversation(key).with("channel", key.channel().id())
                        .with("from", key.address()).with("receivedAt", message.inbound().receivedAt())
                        .with("text", message.inbound().text()).with("choice", message.inbound().choiceId())
                        .with("sharedPhone", message.inbound().sharedPhone()).build());
            }
            List<String> deliveries = stored.deliveries(key, messages).stream().map(d -> d.getString("_id")).toList();
            for (Document entry : outbox.entries(deliveries)) {
                Document payload = entry.get("payload", Document.class);
                records.add(HeldRecord.of(ConversationData.OUTBOUND_MESSAGE).conversation(key).with("channel", key.channel().id())
                        .with("to", entry.getString("recipient")).with("createdAt", instant(entry.getDate("createdAt")))
                        .with("status", entry.getString("status")).with("sentAt", instant(entry.getDate("sentAt")))
                        .with("text", payload == null ? null : payload.getString("text")).build());
            }
        }
        return records;
    }

    private static HeldRecord conversation(ConversationKey key, StoredConversation stored) {
        HeldRecord.Builder record = HeldRecord.of(ConversationData.CONVERSATION).conversation(key)
                .territory(territoryOf(stored)).with("channel", key.channel().id())
                .with("address", key.address()).with("optedOut", stored.optedOut() ? "true" : null);
        stored.state().toStored().forEach((name, value) -> {
            if (!"key".equals(name) && value != null) {
                record.with("state:" + name, value instanceof Document d ? d.toJson() : value);
            }
        });
        return record.build();
    }

    /**
     * The territory the conversation reached (its commune's), which holds it and its messages for the
     * data rights; null before a commune in a territory was given, or for a state of another engine.
     */
    private static String territoryOf(StoredConversation stored) {
        try {
            return JourneyStateCodec.decode(stored.state()).profile().territoryId();
        } catch (RuntimeException notAJourney) {
            return null;
        }
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
