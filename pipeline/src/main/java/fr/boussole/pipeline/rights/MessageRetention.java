package fr.boussole.pipeline.rights;

import fr.boussole.core.retention.OldMessages;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Empties the texts of old messages, received and sent, in conversations still going on (an idle
 * conversation goes entirely). What stays is what de-duplication, ordering and delivery statuses
 * need: ids, ranks, statuses, dates.
 */
@Component
public class MessageRetention implements OldMessages {

    private static final List<String> FINISHED = List.of("SENT", "FAILED", "DEAD", "CANCELLED");

    private final MongoTemplate mongo;

    MessageRetention(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Texts of messages handled (processed or parked) and accepted before {@code cutoff}. */
    @Override
    public int emptyInbound(Instant cutoff) {
        Query old = Query.query(Criteria.where("status").in("PROCESSED", "PARKED")
                .and("acceptedAt").lt(Date.from(cutoff)).and("erased").ne(true));
        return (int) mongo.updateMulti(old, new Update().set("text", "").unset("choiceId").unset("sharedPhone")
                .unset("sharedPhoneLookup").set("erased", true), ConversationLookups.INBOUND).getModifiedCount();
    }

    /** Texts and recipients of deliveries finished (sent or given up) and created before {@code cutoff}. */
    @Override
    public int emptyOutbox(Instant cutoff) {
        Query old = Query.query(Criteria.where("status").in(FINISHED)
                .and("createdAt").lt(Date.from(cutoff)).and("payload.erased").ne(true));
        return (int) mongo.updateMulti(old, new Update()
                .set("payload", new Document("kind", "chat").append("text", "").append("erased", true))
                .set("recipient", "erased").unset("recipientLookup"), ConversationLookups.OUTBOX).getModifiedCount();
    }
}
