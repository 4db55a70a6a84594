package fr.boussole.pipeline.outbox;

import fr.boussole.core.delivery.DeliveryStatusSink;
import fr.boussole.core.message.StoreUnavailableException;
import org.bson.Document;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Date;

/**
 * The providers' status callbacks (delivered, read, undelivered...), recorded on the entry they are
 * about, found through {@code outbox_provider_ids} by {@code _id}: a callback costs the same whatever
 * the history (before, it looked the provider id up with a scan of the whole outbox).
 */
@Component
class ProviderStatuses implements DeliveryStatusSink {

    private final MongoTemplate mongo;
    private final Clock clock;

    ProviderStatuses(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** A store that cannot be reached is the caller's 503: the provider calls again. */
    @Override
    public void report(String providerId, Status status, String errorCode) {
        if (providerId == null) {
            return;
        }
        try {
            Document sent = mongo.findById(providerId, Document.class, MongoOutbox.PROVIDER_IDS);
            if (sent == null) {
                return; // not ours, or sent before this index existed, or past retention
            }
            Update update = new Update().set("providerStatus", status.name()).set("providerStatusAt", Date.from(clock.instant()));
            if (errorCode != null) {
                update.set("providerError", errorCode);
            }
            mongo.updateFirst(Query.query(Criteria.where("_id").is(sent.getString("entry"))), update, MongoOutbox.COLLECTION);
        } catch (DataAccessException | com.mongodb.MongoException e) {
            throw new StoreUnavailableException("a delivery status could not be recorded", e);
        }
    }
}
