package fr.boussole.store.promise;

import fr.boussole.core.promise.ContactChecks;
import fr.boussole.store.request.ContactRequest;
import fr.boussole.store.request.ContactRequestRecords;
import java.time.Duration;
import java.time.Instant;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The promises' marks (ids only) were kept for ever. They now go on the retention schedule, and only when they
 * can do no harm: a reminder's mark once its request can no longer be reminded (else the reminder would go
 * again), a contact check once its request is anonymised (else the young person would be asked again).
 */
class PromiseMarksRetentionTest extends PromiseTest {

    static final Instant DUE_DAY = Instant.parse("2026-03-05T07:00:00Z");
    static final Instant OVERDUE = Instant.parse("2026-03-05T10:00:00Z");

    @Autowired
    KeptPromises keptPromises;
    @Autowired
    PromiseMarksRetention retention;
    @Autowired
    ContactChecks checks;
    @Autowired
    ContactRequestRecords records;

    /** Fails on the code before: a request anonymised while left open was reminded again once its marks were gone. */
    @Test
    void an_anonymised_request_is_reminded_to_no_one_whatever_its_marks() {
        var world = world();
        String id = world.request(world.a, Instant.parse("2026-03-02T09:00:00Z")).requestId();
        clock.set(OVERDUE);
        keptPromises.run();
        assertThat(emailsTo(world.animateurEmail)).hasSize(1);

        anonymise(id);
        mongo.remove(new Query(), PromiseMarksRetention.REMINDERS);
        outbox.clear();
        clock.set(OVERDUE.plus(Duration.ofDays(100)));
        keptPromises.run();
        assertThat(emailsTo(world.animateurEmail)).as("its contact is gone: nothing to act on").isEmpty();
        assertThat(emailsTo(world.a.alertEmail())).isEmpty();
    }

    @Test
    void a_reminders_mark_goes_once_past_its_time_and_its_request_can_no_longer_be_reminded() {
        var world = world();
        String id = world.request(world.a, Instant.parse("2026-03-02T09:00:00Z")).requestId();
        clock.set(DUE_DAY);
        keptPromises.run();
        clock.set(OVERDUE);
        keptPromises.run();
        long marks = mongo.getCollection(PromiseMarksRetention.REMINDERS).countDocuments();
        assertThat(marks).as("the organisation's reminder and the animateur's").isEqualTo(2);

        assertThat(retention.deleteReminderMarksBefore(OVERDUE)).as("its request may still be reminded").isZero();
        Instant later = OVERDUE.plus(Duration.ofDays(90));
        assertThat(retention.deleteReminderMarksBefore(later)).as("still open, nobody followed it up").isZero();
        assertThat(mongo.getCollection(PromiseMarksRetention.REMINDERS).countDocuments()).isEqualTo(2);

        anonymise(id);
        assertThat(retention.deleteReminderMarksBefore(later.plus(Duration.ofDays(1)))).as("looked at again the next day")
                .isEqualTo(2);
        assertThat(mongo.getCollection(PromiseMarksRetention.REMINDERS).countDocuments()).isZero();
        outbox.clear();
        clock.set(later.plus(Duration.ofDays(2)));
        keptPromises.run();
        assertThat(outbox.enqueued()).as("no reminder goes again").isEmpty();
        assertThat(mongo.getCollection(MarkLists.COLLECTION).countDocuments(
                new org.bson.Document("_id", new Document("$regex", "^reminders#")))).as("their lists went with them").isZero();
    }

    @Test
    void a_contact_check_goes_once_past_its_time_and_its_request_anonymised() {
        var world = world();
        String id = world.request(world.a, Instant.parse("2026-03-02T09:00:00Z")).requestId();
        String other = world.request(world.b, Instant.parse("2026-03-02T09:00:00Z")).requestId();
        Instant asked = Instant.parse("2026-03-06T09:00:00Z");
        checks.asked(id, asked);
        checks.answered(other, ContactChecks.Answer.YES, asked.plus(Duration.ofDays(3)));

        assertThat(retention.deleteContactChecksBefore(asked)).as("not past its time").isZero();
        assertThat(retention.deleteContactChecksBefore(asked.plusSeconds(1))).as("its request is still whole: it would be asked again")
                .isZero();
        assertThat(checks.takeDue(asked.plus(Duration.ofDays(1)), 1000)).noneMatch(d -> d.requestId().equals(id));

        anonymise(id);
        anonymise(other);
        Instant nextDay = asked.plus(Duration.ofDays(1)).plusSeconds(1);
        assertThat(retention.deleteContactChecksBefore(nextDay)).as("the one asked before the limit").isEqualTo(1);
        assertThat(mongo.findById(id, Document.class, PromiseMarksRetention.CHECKS)).isNull();
        assertThat(mongo.findById(other, Document.class, PromiseMarksRetention.CHECKS)).as("answered later: kept").isNotNull();
        assertThat(checks.takeDue(nextDay, 1000)).as("an anonymised request is not asked").noneMatch(d -> d.requestId().equals(id));
        assertThat(retention.deleteContactChecksBefore(asked.plus(Duration.ofDays(4)))).isEqualTo(1);
    }

    @Test
    void marks_stored_before_their_lists_are_listed_once() {
        var world = world();
        String id = world.request(world.a, Instant.parse("2026-03-02T09:00:00Z")).requestId();
        Instant asked = Instant.parse("2026-03-06T09:00:00Z");
        mongo.insert(new Document("_id", id).append("askedAt", java.util.Date.from(asked)), PromiseMarksRetention.CHECKS);
        anonymise(id);
        assertThat(retention.deleteContactChecksBefore(asked.plusSeconds(1))).isEqualTo(1);
        mongo.insert(new Document("_id", "cr_late").append("askedAt", java.util.Date.from(asked)), PromiseMarksRetention.CHECKS);
        assertThat(retention.deleteContactChecksBefore(asked.plus(Duration.ofDays(2)))).as("listed once only").isZero();
    }

    private void anonymise(String id) {
        ContactRequest request = records.findById(id).orElseThrow();
        request.anonymise();
        records.save(request);
    }
}
