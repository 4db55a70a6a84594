package fr.boussole.store.request;

import fr.boussole.core.privacy.PersonalData;
import fr.boussole.core.privacy.RecordsInClear;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Contact requests recorded in clear by a version before sealing: sealed in place, with their lookup
 * fields, so that an upgraded store has no clear address left and the console can read them (it
 * only reads sealed values). Idempotent: a request whose addresses are sealed is left alone.
 */
@Component
public class ClearContactRequests implements RecordsInClear {

    private final MongoTemplate mongo;
    private final PersonalData personalData;

    ClearContactRequests(MongoTemplate mongo, PersonalData personalData) {
        this.mongo = mongo;
        this.personalData = personalData;
    }

    /** @return how many requests were sealed */
    @Override
    public int seal() {
        String collection = mongo.getCollectionName(ContactRequest.class);
        int sealed = 0;
        for (Document doc : mongo.getCollection(collection).find()) {
            if (!inClear(doc)) {
                continue;
            }
            Document filter = new Document("_id", doc.get("_id"));
            if (doc.containsKey("version")) {
                filter.append("version", doc.get("version")); // a request changed meanwhile was saved sealed
            }
            ContactRequestSealing.seal(doc, personalData);
            if (mongo.getCollection(collection).replaceOne(filter, doc).getModifiedCount() == 1) {
                sealed++;
            }
        }
        return sealed;
    }

    private boolean inClear(Document doc) {
        return doc.get("contactAddress") instanceof String contact && !personalData.keys().looksSealed(contact)
                || doc.get("conversationAddress") instanceof String address && !personalData.keys().looksSealed(address);
    }
}
