package fr.boussole.store.promise;

import fr.boussole.core.promise.ContactCheckPrompt;
import fr.boussole.core.promise.ContactChecks;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.Inbox;
import fr.boussole.core.message.StoreUnavailableException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * "Were you contacted?": every few minutes, the requests past their due date become a system
 * message in the inbox of the conversation they came from, so that the question keeps the order of
 * the conversation, is de-duplicated (its provider id is derived from the request) and survives a
 * crash like any message. Safe on several instances: a request handed out twice is asked once.
 * <p>
 * Web chat conversations are skipped: the web chat only answers what the young person sends, it
 * cannot bring a question to them days later. Neither is there a conversation to write to by email.
 * <p>
 * The promises speak to the pipeline only through bot-core's {@link Inbox} port: whoever assembles
 * the application brings the inbox.
 */
@Component
public class ContactCheckJob {

    private static final Logger log = LoggerFactory.getLogger(ContactCheckJob.class);

    private final ContactChecks checks;
    private final Inbox inbox;
    private final Clock clock;
    private final MeterRegistry meters;
    private final int batch;

    ContactCheckJob(ContactChecks checks, Inbox inbox, Clock clock, ObjectProvider<MeterRegistry> meters,
                    PromiseSettings settings) {
        this.checks = checks;
        this.inbox = inbox;
        this.clock = clock;
        this.meters = meters.getIfAvailable(SimpleMeterRegistry::new);
        this.batch = settings.contactCheckBatch();
    }

    @Scheduled(initialDelayString = "${boussole.store.promises.contact-checks.first-check:PT1M}",
            fixedDelayString = "${boussole.store.promises.contact-checks.check-every:PT5M}")
    void scheduled() {
        try {
            int asked = askDue(clock.instant());
            if (asked > 0) {
                log.info("Contact checks: {} young person(s) asked whether they were contacted", asked);
            }
        } catch (StoreUnavailableException e) {
            log.warn("Contact checks: the store is unavailable, next round in a few minutes: {}", e.getMessage());
        }
    }

    /**
     * Asks about every request past due at {@code now}, batch after batch; returns how many questions
     * went in. Each request is marked as asked only once the inbox holds its question: a crash in
     * between hands it out again, and the inbox takes the repeated question as a duplicate (its
     * provider id is derived from the request), so the young person is asked once.
     */
    public int askDue(Instant now) {
        int asked = 0;
        List<ContactChecks.Due> due;
        do {
            due = checks.takeDue(now, batch);
            for (ContactChecks.Due request : due) {
                Channel channel = request.conversation().channel();
                if (channel == Channel.WEB || channel == Channel.EMAIL) {
                    checks.asked(request.requestId(), now);
                    meters.counter("boussole.contact_checks.skipped", "channel", channel.id()).increment();
                    continue;
                }
                Inbox.Acceptance acceptance = inbox.accept(ContactCheckPrompt.of(request).inbound(request.conversation(), now));
                checks.asked(request.requestId(), now);
                if (acceptance == Inbox.Acceptance.ACCEPTED) {
                    meters.counter("boussole.contact_checks.asked", "channel", channel.id()).increment();
                    asked++;
                }
            }
        } while (due.size() == batch);
        return asked;
    }
}
