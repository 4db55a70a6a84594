package fr.boussole.store.promise;

import fr.boussole.core.retention.OldPromiseMarks;
import fr.boussole.store.request.ContactRequest;
import fr.boussole.store.request.ContactRequestRecords;
import fr.boussole.store.request.RequestStatus;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The promises' marks leave on the retention schedule, each only once it can do no harm. A contact check
 * (the young person's answer to "were you contacted?", ids only) goes once past its time and once its request
 * is anonymised or gone: the check job asks every request past due that has none and is still whole, so a
 * check deleted sooner would ask again. A reminder's mark goes once past its time and once its request can no
 * longer be reminded (closed, followed up, anonymised, gone): {@link KeptPromises} reminds every open request
 * without a follow-up whose mark is missing. A mark not yet free to go is looked at again the next day.
 * <p>
 * Found through {@link MarkLists} by day, then by {@code _id}; marks stored before the lists existed are listed
 * once, by one walk over each collection (small: one document per request asked, per reminder sent).
 */
@Component
class PromiseMarksRetention implements OldPromiseMarks {

    private static final Logger log = LoggerFactory.getLogger(PromiseMarksRetention.class);
    static final String CHECKS = "console_contact_checks";
    static final String REMINDERS = "console_reminders_sent";
    private static final Duration DAY = Duration.ofDays(1);

    private final MongoTemplate mongo;
    private final ContactRequestRecords requests;
    private final MarkLists lists;

    PromiseMarksRetention(MongoTemplate mongo, ContactRequestRecords requests, MarkLists lists) {
        this.mongo = mongo;
        this.requests = requests;
        this.lists = lists;
    }

    @Override
    public int deleteContactChecksBefore(Instant cutoff) {
        listOnce(MarkLists.CHECKS, CHECKS, "askedAt");
        return prune(MarkLists.CHECKS, CHECKS, cutoff, check -> {
            Instant asked = instant(check.get("askedAt"));
            if (asked != null && !asked.isBefore(cutoff)) {
                return Optional.of(asked);
            }
            Optional<ContactRequest> request = requests.findById(check.getString("_id"));
            return request.isPresent() && !request.get().isAnonymised() ? Optional.of(cutoff.plus(DAY)) : Optional.empty();
        });
    }

    @Override
    public int deleteReminderMarksBefore(Instant cutoff) {
        listOnce(MarkLists.REMINDERS, REMINDERS, "at");
        return prune(MarkLists.REMINDERS, REMINDERS, cutoff, mark -> {
            Instant at = instant(mark.get("at"));
            if (at != null && !at.isBefore(cutoff)) {
                return Optional.of(at);
            }
            Optional<ContactRequest> request = Optional.ofNullable(mark.getString("requestId")).flatMap(requests::findById);
            return request.filter(PromiseMarksRetention::mayBeReminded).map(r -> cutoff.plus(DAY));
        });
    }

    /** As {@link KeptPromises} chooses: open, no follow-up yet, not anonymised. */
    private static boolean mayBeReminded(ContactRequest request) {
        return request.getStatus() != RequestStatus.CLOSED && request.getFollowUps().isEmpty() && !request.isAnonymised();
    }

    /**
     * Reads the lists of {@code kind} for the days before {@code cutoff}, then each mark by {@code _id}: deleted
     * unless {@code keepUntil} names when to look at it again (it is listed under that day).
     */
    private int prune(String kind, String collection, Instant cutoff, Function<Document, Optional<Instant>> keepUntil) {
        // the day of the cutoff too: each mark is judged by its own date
        Query due = Query.query(Criteria.where("_id").gte(kind + "#").lt(MarkLists.id(kind, cutoff.plus(DAY))));
        int deleted = 0;
        for (Document list : mongo.find(due, Document.class, MarkLists.COLLECTION)) {
            String listId = list.getString("_id");
            Map<Instant, List<String>> again = new TreeMap<>();
            List<String> done = new ArrayList<>();
            for (String id : list.getList("ids", String.class, List.of())) {
                Document mark = mongo.findById(id, Document.class, collection);
                Optional<Instant> later = mark == null ? Optional.empty() : keepUntil.apply(mark);
                if (later.isPresent() && MarkLists.id(kind, later.get()).equals(listId)) {
                    continue; // stays in this list
                }
                if (later.isPresent()) {
                    again.computeIfAbsent(MarkLists.dayOf(later.get()), d -> new ArrayList<>()).add(id);
                } else if (mark != null) {
                    deleted += (int) mongo.remove(Query.query(Criteria.where("_id").is(id)), collection).getDeletedCount();
                }
                done.add(id);
            }
            // listed again before this list loses them: a crash in between lists a mark twice, never nowhere
            again.forEach((day, ids) -> lists.list(kind, ids, day));
            if (done.size() == list.getList("ids", String.class, List.of()).size()) {
                mongo.remove(Query.query(Criteria.where("_id").is(listId)), MarkLists.COLLECTION);
            } else if (!done.isEmpty()) {
                mongo.updateFirst(Query.query(Criteria.where("_id").is(listId)), new Update().pullAll("ids", done.toArray()),
                        MarkLists.COLLECTION);
            }
        }
        return deleted;
    }

    /** Once per collection: the marks stored before the lists existed are listed by the day of their date. */
    private void listOnce(String kind, String collection, String dateField) {
        String marker = "listed#" + kind;
        if (mongo.findById(marker, Document.class, MarkLists.COLLECTION) != null) {
            return;
        }
        Query all = new Query();
        all.fields().include("_id").include(dateField);
        Map<Instant, List<String>> byDay = new TreeMap<>();
        for (Document mark : mongo.find(all, Document.class, collection)) {
            Instant at = instant(mark.get(dateField));
            byDay.computeIfAbsent(MarkLists.dayOf(at == null ? Instant.EPOCH : at), d -> new ArrayList<>())
                    .add(mark.getString("_id"));
        }
        byDay.forEach((day, ids) -> lists.list(kind, ids, day));
        mongo.insert(new Document("_id", marker).append("at", new Date()), MarkLists.COLLECTION);
        if (!byDay.isEmpty()) {
            log.info("Retention: {} {} stored before their lists listed once", byDay.values().stream().mapToInt(List::size).sum(),
                    collection);
        }
    }

    private static Instant instant(Object value) {
        return value instanceof Date date ? date.toInstant() : null;
    }
}
