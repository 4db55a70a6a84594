package fr.boussole.store.promise;

import fr.boussole.core.retention.ListingTime;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;

/**
 * Where the retention job finds the promises' marks without looking for them: each contact check and each
 * reminder mark is listed, by its {@code _id}, in a document of {@code promise_retention_lists} per kind and
 * day of its date ({@code kind#stamp(day)}: a few hundred ids at most, a few hundred documents in all). The
 * job reads the lists of the days past a limit (a range on {@code _id} over that small collection), then each
 * mark by {@code _id}; the marks' own collections are never queried by date, which the embedded store answers
 * by a walk.
 */
@Component
class MarkLists {

    static final String COLLECTION = "promise_retention_lists";
    static final String CHECKS = "checks";
    static final String REMINDERS = "reminders";
    private static final Duration DAY = Duration.ofDays(1);

    private final MongoTemplate mongo;

    MarkLists(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Lists marks of one kind under the day of {@code at}. */
    void list(String kind, Collection<String> ids, Instant at) {
        if (!ids.isEmpty()) {
            mongo.upsert(Query.query(Criteria.where("_id").is(id(kind, at))),
                    new Update().addToSet("ids").each(ids.toArray()).setOnInsert("at", Date.from(dayOf(at))), COLLECTION);
        }
    }

    static String id(String kind, Instant at) {
        return kind + "#" + stamp(dayOf(at));
    }

    static Instant dayOf(Instant at) {
        return ListingTime.periodOf(at, DAY);
    }

    static String stamp(Instant at) {
        return ListingTime.stamp(at);
    }
}
