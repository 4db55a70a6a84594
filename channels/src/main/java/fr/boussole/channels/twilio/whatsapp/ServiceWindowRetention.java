package fr.boussole.channels.twilio.whatsapp;

import fr.boussole.core.retention.SilentAddresses;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;

/**
 * WhatsApp's service windows ({@link ServiceWindows}: a number's lookup key, when it last wrote, when a
 * re-engagement template went) are forgotten once both times are older than the cutoff: the conversation
 * they belong to is erased by then, and a window closed that long ago says nothing a missing one does not
 * (a message to the number would need the template either way). One document per number, so the
 * collection stays small; the embedded store walks it whole for this query (no index on a time field is
 * honoured there), MongoDB too (no index either: the job runs once an hour). Present whether or not Twilio
 * is configured: windows stored while it was are still forgotten.
 */
@Component
class ServiceWindowRetention implements SilentAddresses {

    private final MongoTemplate mongo;

    ServiceWindowRetention(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public int forgetSilentSince(Instant cutoff) {
        Date before = Date.from(cutoff);
        Query silent = Query.query(new Criteria().andOperator(
                new Criteria().orOperator(Criteria.where("lastInboundAt").lt(before), Criteria.where("lastInboundAt").exists(false)),
                new Criteria().orOperator(Criteria.where("reengagedAt").lt(before), Criteria.where("reengagedAt").exists(false))));
        return (int) mongo.remove(silent, ServiceWindows.COLLECTION).getDeletedCount();
    }
}
