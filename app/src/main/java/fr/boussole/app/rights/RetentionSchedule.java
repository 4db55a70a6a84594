package fr.boussole.app.rights;

import fr.boussole.core.settings.InvalidSettingException;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

/**
 * How long personal data is kept ({@code boussole.retention.*}, also {@code BOUSSOLE_RETENTION_*}),
 * enforced by {@link RetentionJob}. Defaults are the promises made to young people and the
 * statistics' needs.
 *
 * @param conversations   an idle conversation is erased this long after its last message (the welcome
 *                        text promises 30 days)
 * @param inboundMessages messages received are deleted this long after they were handled (their key stays, for
 *                        de-duplication)
 * @param sentMessages    messages sent (or given up) are deleted this long after they were written
 * @param closedRequests  closed contact requests are anonymised this long after closing
 * @param openRequests    contact requests never closed are anonymised this long after their due date
 * @param searches        anonymous searches are deleted after this
 * @param firstCheck      delay before the first run after start-up
 * @param checkEvery      delay between runs (the job runs on one instance at a time)
 * @param untakenWebReplies web chat replies that no request took (the page timed out or gave up) are emptied
 *                        this long after they were written
 * @param inboundKeys     the key kept of a deleted inbound message (a late redelivery is still a duplicate) is
 *                        deleted this long after the message was received; at least {@code inboundMessages}
 * @param auditLog        the console's audit log entries are deleted after this (a year: long enough to
 *                        answer who saw a young person's data, not longer)
 * @param contactChecks   the answers to "were you contacted?" (ids only) are deleted this long after the question,
 *                        once their request is anonymised (the territory's statistics: as long as the searches)
 * @param reminderMarks   the marks of reminders sent (ids only) are deleted this long after the reminder, once their
 *                        request can no longer be reminded (closed, followed up, anonymised)
 */
@ConfigurationProperties("boussole.retention")
public record RetentionSchedule(Duration conversations, Duration inboundMessages, Duration sentMessages,
                               Period closedRequests, Period searches, Duration firstCheck, Duration checkEvery,
                               Duration untakenWebReplies, Period openRequests, Duration inboundKeys,
                               Period auditLog, Period contactChecks, Period reminderMarks) {

    public RetentionSchedule {
        conversations = positive("conversations", conversations, Duration.ofDays(30));
        inboundMessages = positive("inbound-messages", inboundMessages, Duration.ofDays(30));
        sentMessages = positive("sent-messages", sentMessages, Duration.ofDays(30));
        closedRequests = positive("closed-requests", closedRequests, Period.ofMonths(12));
        searches = positive("searches", searches, Period.ofMonths(25));
        openRequests = positive("open-requests", openRequests, Period.ofMonths(3));
        firstCheck = firstCheck == null ? Duration.ofMinutes(2) : firstCheck;
        checkEvery = positive("check-every", checkEvery, Duration.ofHours(1));
        untakenWebReplies = positive("untaken-web-replies", untakenWebReplies, Duration.ofHours(1));
        inboundKeys = positive("inbound-keys", inboundKeys, Duration.ofDays(90));
        if (inboundKeys.compareTo(inboundMessages) < 0) {
            throw InvalidSettingException.ofProperty("boussole.retention.inbound-keys",
                    "must be at least boussole.retention.inbound-messages (" + inboundMessages + "), not " + inboundKeys);
        }
        auditLog = positive("audit-log", auditLog, Period.ofMonths(12));
        contactChecks = positive("contact-checks", contactChecks, Period.ofMonths(25));
        reminderMarks = positive("reminder-marks", reminderMarks, Period.ofMonths(3));
    }

    /** The instant before which something kept {@code period} is past its retention at {@code now}. */
    static Instant before(Instant now, Period period) {
        return now.atZone(ZoneOffset.UTC).minus(period).toInstant();
    }

    private static Duration positive(String name, Duration value, Duration fallback) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw InvalidSettingException.ofProperty("boussole.retention." + name, "must be a positive duration (30d), not " + value);
        }
        return value;
    }

    private static Period positive(String name, Period value, Period fallback) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw InvalidSettingException.ofProperty("boussole.retention." + name, "must be a positive period (12M, 3M), not " + value);
        }
        return value;
    }
}
