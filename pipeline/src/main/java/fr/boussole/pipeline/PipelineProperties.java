package fr.boussole.pipeline;

import fr.boussole.core.settings.InvalidSettingException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Tuning of the message pipeline. The defaults suit one or a few instances on one store.
 *
 * @param workers              threads processing conversations. Each waits for a commit of the store three times a
 *                             message; four share commits better than two (BENCHMARKS.md, "After midnight")
 * @param pollInterval         how often idle workers look for work other instances may have left
 * @param lease                how long a conversation or an outbox entry stays claimed by a worker
 * @param processingAttempts   attempts at one inbound message before it is parked
 * @param processingBackoff    first delay after a processing failure (doubles each time)
 * @param deliveryAttempts     attempts at one delivery before it is dead-lettered
 * @param deliveryBackoff      first delay after a transient delivery failure (doubles each time)
 * @param maxBackoff           the longest delay between two attempts
 * @param webReplyTimeout      how long the web chat waits for the replies of a message
 * @param stallReportAfter     a web chat wait this long logs what every thread of the process is doing, at most
 *                             once in 10 minutes, to show what holds the pipeline up (at or above
 *                             {@code webReplyTimeout}: never)
 * @param senders              sender threads of each channel (SMS, WhatsApp, Telegram, email each have their own)
 * @param sendTimeout          how long a claim is kept alive for a provider call still running; past it the
 *                             claim runs out and the entry may be tried again (providers time out well before)
 * @param gapTimeout           how long an empty rank of a conversation (a recording that crashed after taking it)
 *                             holds up the messages behind it before it is given up
 */
@ConfigurationProperties("boussole.pipeline")
public record PipelineProperties(
        @DefaultValue("4") int workers,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("30s") Duration lease,
        @DefaultValue("5") int processingAttempts,
        @DefaultValue("2s") Duration processingBackoff,
        @DefaultValue("8") int deliveryAttempts,
        @DefaultValue("5s") Duration deliveryBackoff,
        @DefaultValue("15m") Duration maxBackoff,
        @DefaultValue("10s") Duration webReplyTimeout,
        @DefaultValue("5s") Duration stallReportAfter,
        @DefaultValue("2") int senders,
        @DefaultValue("2m") Duration sendTimeout,
        @DefaultValue("30s") Duration gapTimeout) {

    public PipelineProperties {
        if (workers < 1) {
            throw InvalidSettingException.ofProperty("boussole.pipeline.workers", "must be at least 1");
        }
        if (senders < 1) {
            throw InvalidSettingException.ofProperty("boussole.pipeline.senders", "must be at least 1");
        }
        positive("poll-interval", pollInterval);
        positive("lease", lease);
        positive("processing-backoff", processingBackoff);
        positive("delivery-backoff", deliveryBackoff);
        positive("max-backoff", maxBackoff);
        positive("web-reply-timeout", webReplyTimeout);
        positive("stall-report-after", stallReportAfter);
        positive("send-timeout", sendTimeout);
        positive("gap-timeout", gapTimeout);
    }

    private static void positive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw InvalidSettingException.ofProperty("boussole.pipeline." + name, "must be a positive duration (5s, 2m), not " + value);
        }
    }
}
