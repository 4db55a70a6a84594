package fr.boussole.pipeline.conversation;

import fr.boussole.pipeline.inbound.InboundMessages;
import fr.boussole.pipeline.outbox.MongoOutbox;
import fr.boussole.core.conversation.Input;
import fr.boussole.core.handover.ConversationTranscripts;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.message.Inbound;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

/**
 * A conversation as the person who answers it reads it in the console: the young person's messages
 * (from the inbox; the service's own system messages left out) and the bot's (from the outbox, a
 * person's words among them), by time. Texts emptied by the retention show as empty lines.
 */
@Component
class StoredTranscripts implements ConversationTranscripts {

    private final InboundMessages inbound;
    private final MongoOutbox outbox;

    StoredTranscripts(InboundMessages inbound, MongoOutbox outbox) {
        this.inbound = inbound;
        this.outbox = outbox;
    }

    @Override
    public List<Line> recent(ConversationKey conversation, int limit) {
        List<Line> lines = new ArrayList<>();
        inbound.all(conversation).stream().map(m -> m.inbound())
                .filter(message -> Input.of(message) instanceof Input.Message)
                .forEach(message -> lines.add(new Line(message.receivedAt(), true, words(message))));
        for (Document entry : outbox.entries(conversation)) {
            if (entry.get("payload") instanceof Document payload && "chat".equals(payload.getString("kind"))) {
                Object created = entry.get("createdAt");
                Instant at = created instanceof Date date ? date.toInstant() : Instant.EPOCH;
                lines.add(new Line(at, false, payload.getString("text") == null ? "" : payload.getString("text")));
            }
        }
        lines.sort(Comparator.comparing(Line::at));
        return lines.size() <= limit ? lines : lines.subList(lines.size() - limit, lines.size());
    }

    /** What was typed or tapped (a tap is recorded with its label); a number shared by Telegram is not shown. */
    private static String words(Inbound message) {
        return message.text();
    }
}
