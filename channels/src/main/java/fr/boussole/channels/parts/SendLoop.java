package fr.boussole.channels.parts;

import fr.boussole.channels.limit.RateLimiter;
import fr.boussole.core.delivery.Delivery;
import fr.boussole.core.delivery.DeliveryResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The one send loop of every channel: the parts of one delivery (SMS segments sent as several
 * messages, long Telegram texts, one email) go out in order, each within the rate limits given, and
 * a delivery cut short (a limit reached, a provider error) resumes after the last part sent.
 */
@Component
public class SendLoop {

    private static final Duration SECOND = Duration.ofSeconds(1);

    /** A send rate shared by every instance: at most {@code perSecond} sends under {@code key} each second. */
    public record Limit(String key, int perSecond, String reason) {}

    /** Sends one part; answers what the provider said. */
    @FunctionalInterface
    public interface PartSender<P> {
        DeliveryResult send(P part, boolean last);
    }

    private final RateLimiter limiter;
    private final SentParts sentParts;

    SendLoop(RateLimiter limiter, SentParts sentParts) {
        this.limiter = limiter;
        this.sentParts = sentParts;
    }

    /**
     * Sends the parts not sent yet; before each, takes one send under each limit in turn. Answers
     * {@code Sent} with the last part's provider id, {@code Deferred} when a limit says to wait, or the
     * first answer that is not {@code Sent}.
     */
    public <P> DeliveryResult send(Delivery delivery, List<P> parts, List<Limit> limits, PartSender<P> sender) {
        Map<Integer, String> done = parts.size() > 1 ? sentParts.of(delivery.id()) : Map.of();
        String last = null;
        for (int i = 0; i < parts.size(); i++) {
            if (done.containsKey(i)) {
                last = done.get(i);
                continue;
            }
            for (Limit limit : limits) {
                Optional<Duration> wait = limiter.acquire(limit.key(), limit.perSecond(), SECOND);
                if (wait.isPresent()) {
                    return new DeliveryResult.Deferred(limit.reason(), wait.get());
                }
            }
            DeliveryResult result = sender.send(parts.get(i), i == parts.size() - 1);
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
