package fr.boussole.channels.twilio.whatsapp;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import fr.boussole.channels.twilio.TwilioConfigured;
import fr.boussole.core.message.Channel;
import fr.boussole.core.privacy.PersonalData;
import org.bson.Document;
import org.springframework.context.annotation.Conditional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * WhatsApp's 24-hour customer service window, per young person: when they last wrote, and when a
 * re-engagement template was last sent to them. Free-form messages may only be sent inside the window.
 */
@Component
@Conditional(TwilioConfigured.class)
public class ServiceWindows {

    public static final Duration LENGTH = Duration.ofHours(24);
    static final String COLLECTION = "whatsapp_service_windows";

    private final MongoTemplate mongo;
    private final PersonalData personalData;

    ServiceWindows(MongoTemplate mongo, PersonalData personalData) {
        this.mongo = mongo;
        this.personalData = personalData;
    }

    private String id(String address) {
        return idOf(personalData, address);
    }

    /** Documents are keyed by the number's lookup key: no phone number in the store. */
    static String idOf(PersonalData personalData, String address) {
        return personalData.lookupKey(Channel.WHATSAPP, address);
    }

    /** What is known of one number's window. */
    public record Window(Instant lastInboundAt, Instant reengagedAt) {

        /** Open at {@code now}, with a margin so that a message sent now arrives before it closes. */
        public boolean isOpenAt(Instant now, Duration margin) {
            return lastInboundAt != null && now.isBefore(lastInboundAt.plus(LENGTH).minus(margin));
        }

        /** A template was sent since the young person last wrote: we wait for their answer. */
        public boolean awaitsReply() {
            return reengagedAt != null && (lastInboundAt == null || reengagedAt.isAfter(lastInboundAt));
        }
    }

    /** Called by the webhook for every WhatsApp message accepted: the window reopens from that time. */
    public void recordInbound(String address, Instant at) {
        mongo.upsert(Query.query(Criteria.where("_id").is(id(address))), new Update().max("lastInboundAt", Date.from(at)), COLLECTION);
    }

    public Window of(String address) {
        Document doc = mongo.findById(id(address), Document.class, COLLECTION);
        if (doc == null) {
            return new Window(null, null);
        }
        return new Window(instant(doc.get("lastInboundAt")), instant(doc.get("reengagedAt")));
    }

    /**
     * Claims the right to send the re-engagement template now; false if another instance did it since
     * {@code seen} was read, so that the young person gets it once.
     */
    public boolean claimReengagement(String address, Window seen, Instant now) {
        Criteria unchanged = Criteria.where("_id").is(id(address));
        unchanged = seen.reengagedAt() == null ? unchanged.and("reengagedAt").exists(false)
                : unchanged.and("reengagedAt").is(Date.from(seen.reengagedAt()));
        try {
            var result = mongo.upsert(Query.query(unchanged), new Update().set("reengagedAt", Date.from(now)), COLLECTION);
            return result.getMatchedCount() == 1 || result.getUpsertedId() != null;
        } catch (DuplicateKeyException e) {
            return false; // the document changed under us: another instance sent it
        }
    }

    /** Gives the claim back when the template could not be sent, so that a later attempt sends it. */
    public void releaseReengagement(String address, Window seen, Instant claimedAt) {
        Update back = seen.reengagedAt() == null ? new Update().unset("reengagedAt")
                : new Update().set("reengagedAt", Date.from(seen.reengagedAt()));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id(address)).and("reengagedAt").is(Date.from(claimedAt))), back, COLLECTION);
    }

    private static Instant instant(Object value) {
        return value instanceof Date date ? date.toInstant() : null;
    }
}
