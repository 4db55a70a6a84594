package fr.boussole.app.rights;

import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.rights.Footprint;
import fr.boussole.core.rights.HeldRecord;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static fr.boussole.app.rights.ConversationLookups.CONVERSATIONS;
import static fr.boussole.app.rights.ConversationLookups.INBOUND;
import static fr.boussole.app.rights.ConversationLookups.OUTBOX;
import static fr.boussole.app.rights.ConversationLookups.inboundOf;
import static fr.boussole.app.rights.ConversationLookups.outboxOf;

/** A person's conversations, the messages they sent and the messages sent to them, in clear, for an access request. */
@Component
class ConversationExport {

    private final MongoTemplate mongo;

    ConversationExport(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    List<HeldRecord> export(Footprint footprint) {
        List<HeldRecord> records = new ArrayList<>();
        for (ConversationKey key : footprint.conversations()) {
            Document conversation = mongo.findOne(ConversationLookups.byId(key), Document.class, CONVERSATIONS);
            if (conversation != null) {
                records.add(conversation(key, conversation));
            }
            for (Document message : mongo.find(inboundOf(key).with(Sort.by("sequence")), Document.class, INBOUND)) {
                if (!"GAP".equals(message.getString("status"))) {
                    records.add(HeldRecord.of(ConversationData.INBOUND_MESSAGE).with("channel", key.channel().id())
                            .with("from", key.address()).with("receivedAt", instant(message.getDate("receivedAt")))
                            .with("text", message.getString("text")).with("choice", message.getString("choiceId"))
                            .with("sharedPhone", message.getString("sharedPhone")).build());
                }
            }
            for (Document entry : mongo.find(outboxOf(key).with(Sort.by("sequence")), Document.class, OUTBOX)) {
                Document payload = entry.get("payload", Document.class);
                records.add(HeldRecord.of(ConversationData.OUTBOUND_MESSAGE).with("channel", key.channel().id())
                        .with("to", entry.getString("recipient")).with("createdAt", instant(entry.getDate("createdAt")))
                        .with("status", entry.getString("status")).with("sentAt", instant(entry.getDate("sentAt")))
                        .with("text", payload == null ? null : payload.getString("text")).build());
            }
        }
        return records;
    }

    private static HeldRecord conversation(ConversationKey key, Document doc) {
        HeldRecord.Builder record = HeldRecord.of(ConversationData.CONVERSATION).with("channel", key.channel().id())
                .with("address", key.address()).with("updatedAt", instant(doc.getDate("updatedAt")))
                .with("optedOut", Boolean.TRUE.equals(doc.getBoolean("optedOut")) ? "true" : null);
        Document state = doc.get("state", Document.class);
        if (state != null) {
            state.forEach((name, value) -> {
                if (!"key".equals(name) && value != null) {
                    record.with("state:" + name, value instanceof Document d ? d.toJson() : value);
                }
            });
        }
        return record.build();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
