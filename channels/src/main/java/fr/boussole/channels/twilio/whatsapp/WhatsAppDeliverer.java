package fr.boussole.channels.twilio.whatsapp;

import fr.boussole.channels.twilio.TwilioAnswer;
import fr.boussole.channels.twilio.TwilioConfigured;
import fr.boussole.channels.twilio.TwilioMessages;
import fr.boussole.channels.twilio.TwilioProperties;
import fr.boussole.channels.twilio.TwilioResults;
import fr.boussole.core.delivery.Deliverer;
import fr.boussole.core.delivery.Delivery;
import fr.boussole.core.delivery.DeliveryPayload;
import fr.boussole.core.delivery.DeliveryResult;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.OutboundMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Delivers bot messages on WhatsApp through Twilio: buttons or a list (Content API) when the choices
 * fit, numbered text otherwise, and only inside the 24-hour customer service window. Outside it, a
 * message the bot writes first (news of a request, a person's reply) goes inside the approved news
 * template when one is configured, as its one variable; any other message (or with no news template)
 * waits (Retry) for the young person's answer to the approved re-engagement template, sent once; with
 * no template configured, it fails.
 */
@Component
@Conditional(TwilioConfigured.class)
class WhatsAppDeliverer implements Deliverer {

    /** A message sent this close to the window's end might arrive after it: treat the window as closed. */
    static final Duration WINDOW_MARGIN = Duration.ofMinutes(5);
    static final Duration WAIT_FOR_REPLY = Duration.ofMinutes(15);
    static final int MAX_TEXT = 1600;

    private static final Logger log = LoggerFactory.getLogger(WhatsAppDeliverer.class);

    private final TwilioMessages messages;
    private final ContentTemplates contents;
    private final ServiceWindows windows;
    private final Clock clock;
    private final String from;
    private final String reengageContentSid;
    private final String newsContentSid;
    private final String listButton;

    WhatsAppDeliverer(TwilioMessages messages, ContentTemplates contents, ServiceWindows windows, Clock clock,
                      TwilioProperties properties) {
        this.messages = messages;
        this.contents = contents;
        this.windows = windows;
        this.clock = clock;
        this.from = properties.whatsappFrom();
        this.reengageContentSid = properties.whatsappReengageContentSid();
        this.newsContentSid = properties.whatsappNewsContentSid();
        this.listButton = ResourceBundle.getBundle("fr.boussole.channels.messages", Locale.FRENCH).getString("whatsapp.list.button");
    }

    @Override
    public Channel channel() {
        return Channel.WHATSAPP;
    }

    @Override
    public DeliveryResult deliver(Delivery delivery) {
        if (!(delivery.payload() instanceof DeliveryPayload.Chat chat)) {
            return new DeliveryResult.Failed("the WhatsApp channel carries chat messages only");
        }
        if (from == null || from.isBlank()) {
            return new DeliveryResult.Failed("TWILIO_WHATSAPP_FROM is not set: no number to send WhatsApp messages from");
        }
        String address = delivery.recipient();
        Instant now = clock.instant();
        ServiceWindows.Window window = windows.of(address);
        if (!window.isOpenAt(now, WINDOW_MARGIN)) {
            if (chat.message().unprompted() && newsContentSid != null && !newsContentSid.isBlank()) {
                return messages.send(delivery, "whatsapp:" + from, "whatsapp:" + address,
                        List.of(Map.of("ContentSid", newsContentSid,
                                "ContentVariables", WhatsAppContents.templateVariables(chat.message()))));
            }
            return outsideWindow(delivery, address, window, now);
        }
        List<Map<String, String>> parts = new ArrayList<>();
        Optional<String> definition = WhatsAppContents.definitionFor(chat.message(), listButton);
        if (definition.isPresent()) {
            TwilioAnswer content = contents.sidFor(definition.get());
            if (!(content instanceof TwilioAnswer.Created created)) {
                return TwilioResults.of(content);
            }
            parts.add(Map.of("ContentSid", created.sid()));
        } else {
            textParts(chat.message()).forEach(t -> parts.add(Map.of("Body", t)));
        }
        return messages.send(delivery, "whatsapp:" + from, "whatsapp:" + address, parts);
    }

    private DeliveryResult outsideWindow(Delivery delivery, String address, ServiceWindows.Window window, Instant now) {
        if (reengageContentSid == null || reengageContentSid.isBlank()) {
            return new DeliveryResult.Failed("outside WhatsApp's 24-hour window and TWILIO_WHATSAPP_REENGAGE_CONTENT_SID is unset");
        }
        if (window.awaitsReply()) {
            return new DeliveryResult.Retry("outside WhatsApp's 24-hour window: waiting for an answer to the template", WAIT_FOR_REPLY);
        }
        if (!windows.claimReengagement(address, window, now)) {
            return new DeliveryResult.Retry("outside WhatsApp's 24-hour window: template sent by another instance", WAIT_FOR_REPLY);
        }
        Delivery template = new Delivery(delivery.id() + ":reengage:" + now.toEpochMilli(), delivery.channel(),
                address, delivery.conversation(), delivery.sequence(), delivery.attempt(), delivery.payload());
        DeliveryResult sent = messages.send(template, "whatsapp:" + from, "whatsapp:" + address,
                List.of(Map.of("ContentSid", reengageContentSid)));
        if (!(sent instanceof DeliveryResult.Sent)) {
            windows.releaseReengagement(address, window, now);
            return sent;
        }
        log.info("WhatsApp window closed for delivery {}: re-engagement template sent, the message waits for an answer", delivery.id());
        return new DeliveryResult.Retry("outside WhatsApp's 24-hour window: template sent, waiting for an answer", WAIT_FOR_REPLY);
    }

    private static List<String> textParts(OutboundMessage message) {
        String text = WhatsAppContents.numbered(message);
        List<String> parts = new ArrayList<>();
        while (text.length() > MAX_TEXT) {
            int cut = text.lastIndexOf('\n', MAX_TEXT);
            if (cut < MAX_TEXT / 2) {
                cut = text.lastIndexOf(' ', MAX_TEXT);
            }
            if (cut < MAX_TEXT / 2) {
                cut = MAX_TEXT;
            }
            parts.add(text.substring(0, cut).strip());
            text = text.substring(cut).strip();
        }
        parts.add(text);
        return parts;
    }
}
