package fr.boussole.core.delivery;

import java.time.Duration;

/** What a provider made of one delivery attempt. */
public sealed interface DeliveryResult {

    /** Accepted by the provider; its id lets status callbacks find the delivery again. */
    record Sent(String providerId) implements DeliveryResult {}

    /** A transient failure (5xx, 429, timeout): try again, not before {@code notBefore} if given. */
    record Retry(String reason, Duration notBefore) implements DeliveryResult {}

    /**
     * Not attempted: the sender's own rate limit (shared by the instances) is used up until
     * {@code notBefore}. Not a failure, so not counted as an attempt: a burst must not dead-letter replies.
     */
    record Deferred(String reason, Duration notBefore) implements DeliveryResult {}

    /** A permanent failure for this delivery (a 4xx the provider will not change its mind on). */
    record Failed(String reason) implements DeliveryResult {}

    /** The recipient cannot or will not receive anything more (unsubscribed, blocked the bot). */
    record RecipientGone(String reason) implements DeliveryResult {}
}
