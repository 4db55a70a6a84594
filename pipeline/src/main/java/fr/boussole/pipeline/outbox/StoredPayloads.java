package fr.boussole.pipeline.outbox;

import fr.boussole.core.delivery.DeliveryPayload;
import fr.boussole.core.message.Choice;
import fr.boussole.core.message.OutboundMessage;
import org.bson.Document;

import java.util.List;

/** The form of payloads before they are sealed (see {@link MongoOutbox}): plain documents. */
public final class StoredPayloads {

    private StoredPayloads() {}

    static Document write(DeliveryPayload payload) {
        return switch (payload) {
            case DeliveryPayload.Chat chat -> new Document("kind", "chat")
                    .append("text", chat.message().text())
                    .append("choices", chat.message().choices().stream()
                            .map(c -> new Document("id", c.id()).append("label", c.label())).toList())
                    .append("asksForPhone", chat.message().asksForPhone())
                    .append("unprompted", chat.message().unprompted());
            case DeliveryPayload.Email email -> new Document("kind", "email")
                    .append("subject", email.subject()).append("text", email.text()).append("html", email.html());
        };
    }

    public static DeliveryPayload read(Document doc) {
        if ("email".equals(doc.getString("kind"))) {
            return new DeliveryPayload.Email(doc.getString("subject"), doc.getString("text"), doc.getString("html"));
        }
        return new DeliveryPayload.Chat(message(doc));
    }

    static OutboundMessage message(Document doc) {
        List<Choice> choices = doc.getList("choices", Document.class, List.of()).stream()
                .map(c -> new Choice(c.getString("id"), c.getString("label"))).toList();
        return new OutboundMessage(doc.getString("text") == null ? "" : doc.getString("text"), choices,
                Boolean.TRUE.equals(doc.getBoolean("asksForPhone")), Boolean.TRUE.equals(doc.getBoolean("unprompted")));
    }
}
