package fr.boussole.store.handover;

import fr.boussole.core.handover.PersonInput;
import fr.boussole.core.message.Inbox;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The console's inbox of handed conversations: a territory's list, and what a person does in one.
 * A person's act goes to the young person as a system message in their conversation's inbox
 * ({@link PersonInput}), so that it takes its place in the conversation, is de-duplicated (the form
 * carries an id of its own: a double click sends once) and survives a crash; then the handover is
 * updated. The caller (the console) checks who may act and writes the audit log.
 */
@Service
public class HandoverInbox {

    private static final int ATTEMPTS = 3;

    private final HandoverRecords records;
    private final Inbox inbox;
    private final Clock clock;

    HandoverInbox(HandoverRecords records, Inbox inbox, Clock clock) {
        this.records = records;
        this.inbox = inbox;
        this.clock = clock;
    }

    /** The territory's handovers: the open ones first (unread first, then the oldest wait), then the latest ended. */
    public List<Handover> ofTerritory(String territoryId, int endedLimit) {
        List<Handover> all = records.findByTerritoryIdOrderByOpenedAtDesc(territoryId);
        List<Handover> open = all.stream().filter(Handover::open)
                .sorted(Comparator.comparing((Handover h) -> !h.isUnread()).thenComparing(Handover::getOpenedAt)).toList();
        List<Handover> ended = all.stream().filter(h -> !h.open()).limit(endedLimit).toList();
        return java.util.stream.Stream.concat(open.stream(), ended.stream()).toList();
    }

    public Optional<Handover> find(String handoverId) {
        return records.findById(handoverId);
    }

    /** A person takes the conversation: the young person is told who reads it. */
    public void take(String handoverId, String accountId, String personName) {
        Handover handover = openOne(handoverId);
        Instant now = clock.instant();
        inbox.accept(new PersonInput(handoverId, PersonInput.Kind.TAKEN, personName, null, "taken-" + accountId)
                .inbound(handover.conversation(), now));
        change(records, handoverId, h -> h.takenBy(accountId, personName, now));
    }

    /** A person writes to the young person (taking the conversation if nobody had). */
    public void reply(String handoverId, String accountId, String personName, String text, String inputId) {
        Handover handover = openOne(handoverId);
        Instant now = clock.instant();
        inbox.accept(new PersonInput(handoverId, PersonInput.Kind.REPLY, personName, text, inputId)
                .inbound(handover.conversation(), now));
        change(records, handoverId, h -> {
            h.takenBy(accountId, personName, now);
            h.answered(now);
        });
    }

    /** A person hands the conversation back to the bot. */
    public void handBack(String handoverId, String personName) {
        Handover handover = openOne(handoverId);
        Instant now = clock.instant();
        inbox.accept(new PersonInput(handoverId, PersonInput.Kind.RETURNED, personName, null, "returned")
                .inbound(handover.conversation(), now));
        change(records, handoverId, h -> h.end("returned", now));
    }

    /** Opened by a person: what the young person wrote is read. */
    public void read(String handoverId) {
        change(records, handoverId, Handover::read);
    }

    private Handover openOne(String handoverId) {
        Handover handover = records.findById(handoverId)
                .orElseThrow(() -> new IllegalArgumentException("no handover " + handoverId));
        if (!handover.open()) {
            throw new IllegalStateException("handover " + handoverId + " is over");
        }
        return handover;
    }

    /** Applies a change to the latest version; a concurrent change makes it start again from a fresh copy. */
    static void change(HandoverRecords records, String handoverId, Consumer<Handover> change) {
        for (int attempt = 1; ; attempt++) {
            Optional<Handover> found = records.findById(handoverId);
            if (found.isEmpty()) {
                return;
            }
            change.accept(found.get());
            try {
                records.save(found.get());
                return;
            } catch (OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
