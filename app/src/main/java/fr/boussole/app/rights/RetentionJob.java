package fr.boussole.app.rights;

import fr.boussole.core.retention.IdleConversations;
import fr.boussole.core.retention.OldAuditEntries;
import fr.boussole.core.retention.OldMessages;
import fr.boussole.core.retention.OldPromiseMarks;
import fr.boussole.core.retention.OldRequests;
import fr.boussole.core.retention.SilentAddresses;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * The one retention job: everything past its time in {@link RetentionSchedule} is erased,
 * emptied or anonymised through bot-core's retention ports (the pipeline and the offer store answer them), on the injected clock (TTL indexes expire nothing on the embedded store).
 * Runs on one instance at a time (ShedLock); each step is idempotent, so a run cut short is
 * completed by the next.
 */
@Component
@EnableConfigurationProperties(RetentionSchedule.class)
public class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final RetentionSchedule schedule;
    private final IdleConversations conversations;
    private final OldMessages messages;
    private final OldRequests store;
    private final OldAuditEntries audit;
    private final SilentAddresses addresses;
    private final OldPromiseMarks promiseMarks;
    private final Clock clock;
    private final MeterRegistry meters;

    RetentionJob(RetentionSchedule schedule, IdleConversations conversations, OldMessages messages,
                 OldRequests store, OldAuditEntries audit, SilentAddresses addresses, OldPromiseMarks promiseMarks,
                 Clock clock, MeterRegistry meters) {
        this.schedule = schedule;
        this.conversations = conversations;
        this.messages = messages;
        this.store = store;
        this.audit = audit;
        this.addresses = addresses;
        this.promiseMarks = promiseMarks;
        this.clock = clock;
        this.meters = meters;
    }

    /** What one run did. */
    public record Report(int conversationsForgotten, int inboundPruned, int outboundPruned, int requestsAnonymised,
                         long searchesDeleted, int webRepliesEmptied, int openRequestsAnonymised,
                         int inboundKeysForgotten, int auditEntriesDeleted, int silentAddressesForgotten,
                         int contactChecksDeleted, int reminderMarksDeleted) {}

    @Scheduled(initialDelayString = "${boussole.retention.first-check:PT2M}",
            fixedDelayString = "${boussole.retention.check-every:PT1H}")
    @SchedulerLock(name = "retention", lockAtMostFor = "PT30M")
    void scheduled() {
        long started = System.nanoTime();
        Report report = run(clock.instant());
        log.info("Retention: {} in {} ms", report, (System.nanoTime() - started) / 1_000_000);
    }

    /** Applies the schedule as of {@code now}. */
    public Report run(Instant now) {
        int forgotten = conversations.forgetIdle(now.minus(schedule.conversations()), now);
        // deliveries before messages: a message's replies still stored when it goes are listed under its
        // conversation, for its erasure; pruned first, they need no listing
        int outboundPruned = messages.pruneOutbox(now.minus(schedule.sentMessages()));
        Report report = new Report(
                forgotten,
                messages.pruneInbound(now.minus(schedule.inboundMessages())),
                outboundPruned,
                store.anonymiseClosedBefore(RetentionSchedule.before(now, schedule.closedRequests())),
                store.deleteSearchesBefore(RetentionSchedule.before(now, schedule.searches())),
                messages.emptyUntakenWebReplies(now.minus(schedule.untakenWebReplies())),
                store.anonymiseOpenDueBefore(RetentionSchedule.before(now, schedule.openRequests())),
                messages.forgetInboundKeys(now.minus(schedule.inboundKeys())),
                audit.deleteBefore(RetentionSchedule.before(now, schedule.auditLog())),
                // what a channel keeps of an address goes with the address's idle conversation
                addresses.forgetSilentSince(now.minus(schedule.conversations())),
                promiseMarks.deleteContactChecksBefore(RetentionSchedule.before(now, schedule.contactChecks())),
                promiseMarks.deleteReminderMarksBefore(RetentionSchedule.before(now, schedule.reminderMarks())));
        meters.counter("boussole.retention.conversations_forgotten").increment(report.conversationsForgotten());
        meters.counter("boussole.retention.messages_pruned").increment(report.inboundPruned() + report.outboundPruned());
        meters.counter("boussole.retention.web_replies_emptied").increment(report.webRepliesEmptied());
        meters.counter("boussole.retention.traces_deleted").increment(report.inboundKeysForgotten()
                + report.auditEntriesDeleted() + report.silentAddressesForgotten() + report.contactChecksDeleted()
                + report.reminderMarksDeleted());
        meters.counter("boussole.retention.requests_anonymised").increment(report.requestsAnonymised()
                + report.openRequestsAnonymised());
        return report;
    }
}
