package fr.boussole.channels.twilio;

import fr.boussole.core.delivery.DeliveryResult;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How a Twilio answer becomes a delivery result: what is worth retrying, what never will be. */
public final class TwilioResults {

    /** The number replied STOP: Twilio refuses every message to it until it sends START. */
    public static final int UNSUBSCRIBED = 21610;
    /** WhatsApp: free-form message outside the 24-hour customer service window. */
    public static final int OUTSIDE_WINDOW = 63016;

    static final Duration DEFAULT_RETRY = Duration.ofSeconds(30);
    static final Duration CREDENTIALS_RETRY = Duration.ofMinutes(30);
    static final Duration WINDOW_RETRY = Duration.ofHours(1);

    private static final Logger log = LoggerFactory.getLogger(TwilioResults.class);

    private TwilioResults() {}

    public static DeliveryResult of(TwilioAnswer answer) {
        return switch (answer) {
            case TwilioAnswer.Created created -> new DeliveryResult.Sent(created.sid());
            // no word from Twilio on when to come back: the outbox's own backoff decides
            case TwilioAnswer.Unreachable unreachable -> new DeliveryResult.Retry("twilio unreachable: " + unreachable.reason(), null);
            case TwilioAnswer.Refused refused -> ofRefusal(refused);
        };
    }

    private static DeliveryResult ofRefusal(TwilioAnswer.Refused r) {
        String reason = "twilio " + r.httpStatus() + (r.code() == null ? "" : " error " + r.code()) + ": " + r.message();
        if (r.code() != null && r.code() == UNSUBSCRIBED) {
            return new DeliveryResult.RecipientGone(reason);
        }
        if (r.code() != null && r.code() == OUTSIDE_WINDOW) {
            return new DeliveryResult.Retry(reason, WINDOW_RETRY);
        }
        if (r.httpStatus() == 401 || r.httpStatus() == 403) {
            log.error("TWILIO CREDENTIALS REFUSED ({}): check TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN; deliveries wait {}",
                    r.httpStatus(), CREDENTIALS_RETRY);
            return new DeliveryResult.Retry(reason, CREDENTIALS_RETRY);
        }
        if (r.httpStatus() == 429) {
            return new DeliveryResult.Retry(reason, r.retryAfter() != null ? r.retryAfter() : DEFAULT_RETRY);
        }
        if (r.httpStatus() >= 500) {
            return new DeliveryResult.Retry(reason, r.retryAfter()); // none given: the outbox's backoff decides
        }
        return new DeliveryResult.Failed(reason);
    }
}
