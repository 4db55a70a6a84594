package fr.boussole.pipeline;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Tuning of the message pipeline. The defaults suit one or a few instances on one store.
 *
 * @param workers              threads processing conversations and delivering the outbox, each
 * @param pollInterval         how often idle workers look for work other instances may have left
 * @param lease                how long a conversation or an outbox entry stays claimed by a worker
 * @param processingAttempts   attempts at one inbound message before it is parked
 * @param processingBackoff    first delay after a processing failure (doubles each time)
 * @param deliveryAttempts     attempts at one delivery before it is dead-lettered
 * @param deliveryBackoff      first delay after a transient delivery failure (doubles each time)
 * @param maxBackoff           the longest delay between two attempts
 * @param webReplyTimeout      how long the web chat waits for the replies of a message
 */
@ConfigurationProperties("boussole.pipeline")
public record PipelineProperties(
        @DefaultValue("2") int workers,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("30s") Duration lease,
        @DefaultValue("5") int processingAttempts,
        @DefaultValue("2s") Duration processingBackoff,
        @DefaultValue("8") int deliveryAttempts,
        @DefaultValue("5s") Duration deliveryBackoff,
        @DefaultValue("15m") Duration maxBackoff,
        @DefaultValue("10s") Duration webReplyTimeout) {
}
