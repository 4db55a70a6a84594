package fr.boussole.channels.twilio;

import fr.boussole.core.settings.PublicBaseUrl;
import fr.boussole.channels.parts.SendLoop;
import fr.boussole.core.delivery.Delivery;
import fr.boussole.core.delivery.DeliveryResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Sends the Twilio messages of one delivery in order, within the sender number's rate, each with the
 * status callback URL; a delivery cut in several messages resumes after the last one sent.
 */
@Component
@Conditional(TwilioConfigured.class)
public class TwilioMessages {

    private final TwilioApi api;
    private final SendLoop loop;
    private final PublicBaseUrl publicBaseUrl;
    private final int sendsPerSecond;

    TwilioMessages(TwilioApi api, SendLoop loop, PublicBaseUrl publicBaseUrl, TwilioProperties properties) {
        this.api = api;
        this.loop = loop;
        this.publicBaseUrl = publicBaseUrl;
        this.sendsPerSecond = properties.sendsPerSecond();
    }

    /**
     * @param from  the sender as Twilio writes it (+33…, whatsapp:+33…)
     * @param to    the recipient, likewise
     * @param parts for each message, its content fields (Body, or ContentSid and ContentVariables)
     */
    public DeliveryResult send(Delivery delivery, String from, String to, List<Map<String, String>> parts) {
        return loop.send(delivery, parts, List.of(new SendLoop.Limit("twilio:" + from, sendsPerSecond, "sender rate limit")),
                (part, last) -> {
                    Map<String, String> fields = new LinkedHashMap<>();
                    fields.put("To", to);
                    fields.put("From", from);
                    fields.putAll(part);
                    fields.put("StatusCallback", publicBaseUrl.of(TwilioWebhookPaths.STATUS));
                    return TwilioResults.of(api.sendMessage(fields));
                });
    }
}
