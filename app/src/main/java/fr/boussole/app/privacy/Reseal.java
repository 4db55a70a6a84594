package fr.boussole.app.privacy;

import fr.boussole.core.privacy.PersonalData;
import fr.boussole.core.privacy.RecordsInClear;
import fr.boussole.core.privacy.SealedField;
import fr.boussole.core.privacy.SealingException;
import org.bson.types.ObjectId;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Key rotation's second step: every sealed value of every collection, wherever it is in a document,
 * moves to the current key (the first of {@code BOUSSOLE_DATA_KEYS}), bound to its place (collection,
 * document id, field path: {@link SealedField}); values of the earlier form, sealed without their place,
 * are bound to it on the way, even when their key is current. A value is sealed when it has
 * the form {@code keyId:...} with a key id of the ring and opens under it. Idempotent: a value
 * already under the current key is left as it is, so a second run changes nothing. Safe while the
 * app runs: each document is rewritten only if the fields it changes still hold what was read (a
 * document changed meanwhile was written under the current key anyway). Nothing is logged of a value.
 * First, contact requests an earlier version stored in clear are sealed ({@link RecordsInClear}, answered by the offer store for contact requests).
 */
@Component
public class Reseal {

    private static final Logger log = LoggerFactory.getLogger(Reseal.class);

    private final MongoTemplate mongo;
    private final PersonalData personalData;
    private final RecordsInClear clearRequests;

    Reseal(MongoTemplate mongo, PersonalData personalData, RecordsInClear clearRequests) {
        this.mongo = mongo;
        this.personalData = personalData;
        this.clearRequests = clearRequests;
    }

    /**
     * What a run did: documents read, documents rewritten, values moved to the current key, and
     * contact requests found in clear (stored before sealing existed) and sealed.
     */
    public record Report(long documents, long rewritten, long values, long requestsSealed) {}

    public Report run() {
        long requestsSealed = clearRequests.seal();
        long documents = 0;
        long rewritten = 0;
        long values = 0;
        for (String collection : mongo.getCollectionNames()) {
            if (collection.startsWith("system.")) {
                continue;
            }
            for (Document doc : mongo.getCollection(collection).find()) {
                documents++;
                Map<String, Object> changed = new LinkedHashMap<>();
                long moved = 0;
                Object id = doc.get("_id");
                SealedField place = SealedField.of(collection, id instanceof ObjectId oid ? oid.toHexString() : id, "");
                for (Map.Entry<String, Object> field : doc.entrySet()) {
                    if (field.getKey().equals("_id")) {
                        continue;
                    }
                    Counter counter = new Counter();
                    Object resealed = reseal(field.getValue(), place.field(field.getKey()), counter);
                    if (counter.count > 0) {
                        changed.put(field.getKey(), resealed);
                        moved += counter.count;
                    }
                }
                if (!changed.isEmpty() && rewrite(collection, doc, changed)) {
                    rewritten++;
                    values += moved;
                }
            }
        }
        log.info("Re-seal: {} value(s) moved to key {} in {} of {} document(s)", values,
                personalData.keys().currentKeyId(), rewritten, documents);
        return new Report(documents, rewritten, values, requestsSealed);
    }

    private boolean rewrite(String collection, Document doc, Map<String, Object> changed) {
        Criteria unchanged = Criteria.where("_id").is(doc.get("_id"));
        Update update = new Update();
        changed.forEach((field, value) -> {
            unchanged.and(field).is(doc.get(field));
            update.set(field, value);
        });
        return mongo.getCollection(collection).updateOne(Query.query(unchanged).getQueryObject(),
                update.getUpdateObject()).getModifiedCount() == 1;
    }

    /**
     * The value with every sealed string inside it moved to the current key and bound to its place: the
     * document, and the field's path without array positions ({@code answers.values}), as it was sealed.
     */
    private Object reseal(Object value, SealedField where, Counter counter) {
        if (value instanceof String text && personalData.keys().looksSealed(text) && !personalData.keys().isCurrent(text)) {
            try {
                String resealed = personalData.reseal(text, where);
                counter.count++;
                return resealed;
            } catch (SealingException notSealed) {
                // a clear value that only looks like one (e.g. "k1:..."), or one moved here from elsewhere:
                // left as it is (it does not open here either way)
                return text;
            }
        }
        if (value instanceof Document sub) {
            Document copy = new Document();
            sub.forEach((k, v) -> copy.put(k, reseal(v, where.field(where.field() + "." + k), counter)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(reseal(v, where, counter)));
            return copy;
        }
        return value;
    }

    private static final class Counter {
        long count;
    }
}
