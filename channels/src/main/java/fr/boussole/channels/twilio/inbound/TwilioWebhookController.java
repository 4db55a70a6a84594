package fr.boussole.channels.twilio.inbound;

import fr.boussole.core.settings.PublicBaseUrl;
import fr.boussole.channels.twilio.TwilioConfigured;
import fr.boussole.channels.twilio.TwilioProperties;
import fr.boussole.channels.twilio.TwilioWebhookPaths;
import fr.boussole.channels.twilio.whatsapp.ServiceWindows;
import fr.boussole.core.delivery.DeliveryStatusSink;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.Inbound;
import fr.boussole.core.message.Inbox;
import fr.boussole.core.message.StoreUnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's webhooks: incoming SMS and WhatsApp messages, and delivery status callbacks. Nothing is
 * recorded unless the signature holds; a message is acknowledged only once the inbox has it.
 */
@RestController
@Conditional(TwilioConfigured.class)
class TwilioWebhookController {

    static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";
    private static final Logger log = LoggerFactory.getLogger(TwilioWebhookController.class);

    private final TwilioSignature signature;
    private final Inbox inbox;
    private final DeliveryStatusSink statusSink;
    private final ServiceWindows windows;
    private final Clock clock;

    TwilioWebhookController(TwilioProperties properties, PublicBaseUrl publicBaseUrl, Inbox inbox,
                            DeliveryStatusSink statusSink, ServiceWindows windows, Clock clock) {
        this.signature = new TwilioSignature(properties.authToken(), publicBaseUrl);
        this.inbox = inbox;
        this.statusSink = statusSink;
        this.windows = windows;
        this.clock = clock;
    }

    @PostMapping(path = TwilioWebhookPaths.INBOUND)
    ResponseEntity<String> message(HttpServletRequest request) {
        if (request.getHeader(TwilioSignature.HEADER) != null && !hasReadableForm(request)) {
            return malformedForm(); // the signature cannot be checked over parameters that cannot be read
        }
        if (!signature.isValid(request)) {
            log.warn("Twilio webhook refused: missing or wrong signature");
            return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN).body("invalid signature");
        }
        Inbound inbound;
        try {
            inbound = TwilioInboundMapper.map(TwilioSignature.formParameters(request, request.getQueryString()), clock.instant());
        } catch (TwilioInboundMapper.Malformed e) {
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
        }
        try {
            // The window first: WhatsApp opened it when the young person wrote, and the reply the inbox
            // triggers must not find it closed.
            if (inbound.conversation().channel() == Channel.WHATSAPP) {
                windows.recordInbound(inbound.conversation().address(), inbound.receivedAt());
            }
            Inbox.Acceptance acceptance = inbox.accept(inbound);
            log.debug("Twilio message {} {}", inbound.providerMessageId(), acceptance);
        } catch (StoreUnavailableException e) {
            return unavailable();
        } catch (org.springframework.dao.DataAccessException e) {
            log.error("WhatsApp window of message {} not recorded: Twilio will retry", inbound.providerMessageId(), e);
            return unavailable();
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(EMPTY_TWIML);
    }

    @PostMapping(path = TwilioWebhookPaths.STATUS)
    ResponseEntity<String> status(HttpServletRequest request) {
        if (request.getHeader(TwilioSignature.HEADER) != null && !hasReadableForm(request)) {
            return malformedForm(); // the signature cannot be checked over parameters that cannot be read
        }
        if (!signature.isValid(request)) {
            log.warn("Twilio status callback refused: missing or wrong signature");
            return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN).body("invalid signature");
        }
        Map<String, String> form = TwilioSignature.formParameters(request, request.getQueryString());
        String sid = form.get("MessageSid");
        String status = form.getOrDefault("MessageStatus", form.get("SmsStatus"));
        if (sid == null || sid.isBlank() || status == null || status.isBlank()) {
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body("MessageSid and MessageStatus are required");
        }
        DeliveryStatusSink.Status mapped = switch (status.strip().toLowerCase(Locale.ROOT)) {
            case "sent" -> DeliveryStatusSink.Status.SENT;
            case "delivered" -> DeliveryStatusSink.Status.DELIVERED;
            case "read" -> DeliveryStatusSink.Status.READ;
            case "undelivered" -> DeliveryStatusSink.Status.UNDELIVERED;
            case "failed" -> DeliveryStatusSink.Status.FAILED;
            default -> null; // queued, sending, accepted, scheduled...: steps the outbox has no use for
        };
        if (mapped != null) {
            String errorCode = form.get("ErrorCode");
            try {
                statusSink.report(sid, mapped, errorCode == null || errorCode.isBlank() ? null : errorCode.strip());
            } catch (StoreUnavailableException e) {
                return unavailable();
            }
        }
        return ResponseEntity.noContent().build();
    }

    /**
     * Whether the container could decode the form. Tomcat throws from {@code getParameter*} (an
     * IllegalStateException) on malformed percent-encoding or bytes that are not UTF-8; uncaught, that
     * would be a 500, which Twilio retries for nothing.
     */
    private static boolean hasReadableForm(HttpServletRequest request) {
        try {
            request.getParameterMap();
            return true;
        } catch (IllegalStateException malformed) {
            log.warn("Twilio webhook refused: the form could not be decoded");
            return false;
        }
    }

    private static ResponseEntity<String> malformedForm() {
        return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body("malformed form: parameters could not be decoded as UTF-8");
    }

    private static ResponseEntity<String> unavailable() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.TEXT_PLAIN).body("store unavailable, retry later");
    }
}
