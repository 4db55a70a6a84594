package fr.boussole.channels.twilio;

import fr.boussole.channels.config.PublicBaseUrl;
import fr.boussole.channels.limit.RateLimiter;
import fr.boussole.channels.parts.SentParts;
import fr.boussole.core.delivery.Delivery;
import fr.boussole.core.delivery.DeliveryResult;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Sends the Twilio messages of one delivery in order, within the sender number's rate, each with the
 * status callback URL; a delivery cut in several messages resumes after the last one sent.
 */
@Component
@Conditional(TwilioConfigured.class)
public class TwilioMessages {

    private static final Duration WINDOW = Duration.ofSeconds(1);

    private final TwilioApi api;
    private final RateLimiter limiter;
    private final SentParts sentParts;
    private final PublicBaseUrl publicBaseUrl;
    private final int sendsPerSecond;

    TwilioMessages(TwilioApi api, RateLimiter limiter, SentParts sentParts, PublicBaseUrl publicBaseUrl, TwilioProperties properties) {
        this.api = api;
        this.limiter = limiter;
        this.sentParts = sentParts;
        this.publicBaseUrl = publicBaseUrl;
        this.sendsPerSecond = properties.sendsPerSecond();
    }

    /**
     * @param from  the sender as Twilio writes it (+33…, whatsapp:+33…)
     * @param to    the recipient, likewise
     * @param parts for each message, its content fields (Body, or ContentSid and ContentVariables)
     */
    public DeliveryResult send(Delivery delivery, String from, String to, List<Map<String, String>> parts) {
        Map<Integer, String> done = parts.size() > 1 ? sentParts.of(delivery.id()) : Map.of();
        String last = null;
        for (int i = 0; i < parts.size(); i++) {
            if (done.containsKey(i)) {
                last = done.get(i);
                continue;
            }
            Optional<Duration> wait = limiter.acquire("twilio:" + from, sendsPerSecond, WINDOW);
            if (wait.isPresent()) {
                return new DeliveryResult.Deferred("sender rate limit", wait.get());
            }
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("To", to);
            fields.put("From", from);
            fields.putAll(parts.get(i));
            fields.put("StatusCallback", publicBaseUrl.of(TwilioWebhookPaths.STATUS));
            DeliveryResult result = TwilioResults.of(api.sendMessage(fields));
            if (!(result instanceof DeliveryResult.Sent sent)) {
                return result;
            }
            last = sent.providerId();
            if (parts.size() > 1) {
                sentParts.record(delivery.id(), i, last);
            }
        }
        return new DeliveryResult.Sent(last);
    }
}
