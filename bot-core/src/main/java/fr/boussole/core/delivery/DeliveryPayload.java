package fr.boussole.core.delivery;

import fr.boussole.core.message.OutboundMessage;

/** What a delivery carries. */
public sealed interface DeliveryPayload {

    /** A bot message to a young person. */
    record Chat(OutboundMessage message) implements DeliveryPayload {}

    /** An email (alerts, reminders, password resets): a plain-text and an HTML part. */
    record Email(String subject, String text, String html) implements DeliveryPayload {}
}
