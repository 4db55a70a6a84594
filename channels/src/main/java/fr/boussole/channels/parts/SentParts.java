package fr.boussole.channels.parts;

import java.util.HashMap;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * For a delivery the provider gets as several messages (a long SMS, a long Telegram text): which parts
 * went out already, so that the retry of a half-sent delivery sends only the rest.
 */
@Component("channelsSentParts")
public class SentParts {

    static final String COLLECTION = "channel_sent_parts";

    private final MongoTemplate mongo;

    SentParts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Part index → provider id, for the parts of this delivery already accepted by the provider. */
    public Map<Integer, String> of(String deliveryId) {
        Document doc = mongo.findById(deliveryId, Document.class, COLLECTION);
        Map<Integer, String> sent = new HashMap<>();
        if (doc != null) {
            doc.forEach((name, value) -> {
                if (name.startsWith("p")) {
                    sent.put(Integer.parseInt(name.substring(1)), String.valueOf(value));
                }
            });
        }
        return sent;
    }

    public void record(String deliveryId, int index, String providerId) {
        mongo.upsert(Query.query(Criteria.where("_id").is(deliveryId)), new Update().set("p" + index, providerId), COLLECTION);
    }
}
