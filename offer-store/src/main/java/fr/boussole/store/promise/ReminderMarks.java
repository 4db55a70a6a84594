package fr.boussole.store.promise;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** The reminders already handed to the outbox. */
@Component
class ReminderMarks {

    private final MongoTemplate mongo;

    ReminderMarks(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    boolean existsById(String deliveryId) {
        return mongo.findById(deliveryId, ReminderMark.class) != null;
    }

    void save(ReminderMark mark) {
        mongo.save(mark);
    }
}
